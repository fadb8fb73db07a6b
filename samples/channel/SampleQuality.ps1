# Dot-sourced by New-SampleData.ps1 after the lifecycles and the revenue: contacts, their certifications and the
# programme's tier rules. Uses its own [System.Random]::new(2018), so every other file is the same as without them.
#
# What it makes:
#   $contactRows        Partner,Name,Email,Role,Phone,StartedOn,EndedOn: the people of every partner that was ever Active;
#                       a partner manager, certified technical people (more for higher tiers), some sales people. Some
#                       leave (EndedOn); everyone of a partner that ended leaves on its EndedOn.
#   $certificationRows  Partner,Contact,Name,EarnedOn,ExpiresOn: certifications valid three years (ExpiresOn = EarnedOn
#                       plus three years, the day it is no longer valid); most are renewed in the 120 days before they
#                       expire, some lapse; none is earned after its holder left or after 2015-12-31.
#   $tierRuleRows       Tier,Region,Type,MinRevenue,Currency,RevenueMonths,MinCertified,Certification,MinMonthsActive:
#                       rules in the shape public programmes publish (revenue over the last twelve months, a number of
#                       certified people, time in the programme), with a Western Europe Gold rule in euros.

$qrng = [System.Random]::new(2018)

function Get-QualityInt([int] $Min, [int] $MaxInclusive) { $script:qrng.Next($Min, $MaxInclusive + 1) }
function Test-QualityChance([double] $P) { $script:qrng.NextDouble() -lt $P }
function Get-QualityItem([object[]] $Items) { $Items[$script:qrng.Next($Items.Count)] }
function Get-QualityDate([datetime] $From, [datetime] $To) { $From.AddDays($script:qrng.Next(0, [Math]::Max(0, ($To - $From).Days) + 1)) }

$qualityEnd = D 2015 12 31
$firstNames = @{
    en     = 'James', 'Emma', 'Oliver', 'Sophie', 'Daniel', 'Chloe', 'Thomas', 'Grace', 'Ryan', 'Megan', 'Liam', 'Aoife', 'Priya', 'Michael', 'Sarah', 'David'
    de     = 'Lukas', 'Anna', 'Jonas', 'Lea', 'Felix', 'Sophie', 'Jürgen', 'Katrin', 'Matthias', 'Sabine', 'Tobias', 'Jörg'
    fr     = 'Louis', 'Camille', 'Hugo', 'Léa', 'Julien', 'Chloé', 'Mathieu', 'Inès', 'Pierre', 'Élodie', 'Nicolas', 'Margaux'
    nl     = 'Daan', 'Sanne', 'Bram', 'Femke', 'Joost', 'Lotte', 'Pieter', 'Anouk', 'Ruben', 'Eva'
    es     = 'Javier', 'Lucía', 'Alejandro', 'Marta', 'Sergio', 'Carmen', 'Pablo', 'Elena', 'Andrés', 'Sofía'
    it     = 'Marco', 'Giulia', 'Luca', 'Chiara', 'Andrea', 'Francesca', 'Matteo', 'Sara', 'Davide', 'Elisa'
    pt     = 'João', 'Ana', 'Pedro', 'Beatriz', 'Tiago', 'Mariana', 'Rafael', 'Inês', 'Bruno', 'Camila'
    nordic = 'Erik', 'Ingrid', 'Lars', 'Astrid', 'Mikael', 'Sofia', 'Anders', 'Maja', 'Jussi', 'Sigrid'
    cn     = 'Wei', 'Fang', 'Jun', 'Li', 'Hao', 'Min', 'Lei', 'Jing', 'Tao', 'Yan', 'Qiang', 'Xiu'
}
$cnSurnames = 'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo'
$callingCode = @{
    GB = 44; IE = 353; DE = 49; AT = 43; CH = 41; FR = 33; BE = 32; NL = 31; ES = 34; IT = 39; PT = 351; SE = 46; DK = 45; NO = 47; FI = 358
    CN = 86; US = 1; CA = 1; MX = 52; BR = 55; AR = 54; CL = 56; CO = 57; JP = 81; AU = 61; NZ = 64; SG = 65; IN = 91; KR = 82; MY = 60
    TH = 66; PL = 48; CZ = 420; HU = 36; RO = 40; UA = 380; AE = 971; SA = 966; ZA = 27; NG = 234; EG = 20; KE = 254
}
# Certification tracks, as a vendor's certification programme names them: an associate level, then a professional one.
$technicalRoles = [ordered]@{ 'Network Engineer' = 'Networking'; 'Presales Engineer' = 'Networking'; 'Solutions Architect' = 'Networking'
                              'Security Engineer' = 'Security'; 'Data Center Engineer' = 'Data Center'; 'Collaboration Engineer' = 'Collaboration' }
# Certified people a partner of a tier has (at least the tier rule's number, some above).
$certifiedPeople = @{ Registered = @(0, 1); Silver = @(3, 5); Gold = @(5, 8); Platinum = @(8, 12) }

# ASCII letters and digits of a name, for e-mail addresses (é -> e, ø -> o, ß -> ss).
function ConvertTo-MailPart([string] $Text) {
    $folded = $Text.Replace('ß', 'ss').Replace('ø', 'o').Replace('Ø', 'O').Replace('æ', 'ae').Replace('Æ', 'Ae').Normalize([Text.NormalizationForm]::FormD)
    $sb = [Text.StringBuilder]::new()
    foreach ($c in $folded.ToCharArray()) {
        if ($c -lt [char] 128 -and [char]::IsLetterOrDigit($c)) { [void] $sb.Append([char]::ToLowerInvariant($c)) }
        elseif ($c -eq ' ' -or $c -eq '-') { [void] $sb.Append('-') }
    }
    ($sb.ToString() -replace '-+', '-').Trim('-')
}

function Get-MailDomain([object] $P) {
    $words = @(($P.Name -split '[ ,&]+') | Where-Object { $_ -and $_ -notin 'and', 'y', 'Co', 'Ltd', 'Inc', 'LLC', 'GmbH', 'AG', 'SAS', 'SA', 'BV', 'NV', 'AB', 'AS', 'Oy', 'Srl', 'SpA', 'SL', 'Lda', 'Ltda', 'plc' })
    (ConvertTo-MailPart (($words | Select-Object -First 2) -join ' ')) + '.example'
}

function Get-PersonName([object] $P) {
    $lang = if ($P.Country -eq 'CN') { 'cn' } elseif ($script:language.ContainsKey($P.Country)) { $script:language[$P.Country] } else { 'en' }
    $last = if ($lang -eq 'cn') { Get-QualityItem $script:cnSurnames } else { Get-QualityItem $script:surnames[$lang] }
    $first = Get-QualityItem $script:firstNames[$lang]
    if ($lang -eq 'cn') { return [pscustomobject]@{ Name = "$last $first"; First = $first; Last = $last } }
    [pscustomobject]@{ Name = "$first $last"; First = $first; Last = $last }
}

function Get-Phone([string] $Country) {
    if (-not (Test-QualityChance 0.7)) { return '' }
    '+{0} {1} {2} {3}' -f $script:callingCode[$Country], (Get-QualityInt 10 99), (Get-QualityInt 100 999), (Get-QualityInt 1000 9999)
}

$contactRows = [Collections.Generic.List[object]]::new()
$certificationRows = [Collections.Generic.List[object]]::new()

function Add-SampleContact([object] $P, [string] $Role, [datetime] $From, [Nullable[datetime]] $Until, [hashtable] $Used) {
    $person = Get-PersonName $P
    $local = (ConvertTo-MailPart $person.First) + '.' + (ConvertTo-MailPart $person.Last)
    $email = "$local@$(Get-MailDomain $P)"
    for ($n = 2; $Used.ContainsKey($email); $n++) { $email = "$local$n@$(Get-MailDomain $P)" }
    $Used[$email] = $true
    $started = Get-QualityDate $From $From.AddDays(90)
    if ($started -gt $script:qualityEnd) { $started = $script:qualityEnd }
    $ended = $Until
    # One in eight leaves again (at least a year after starting); everyone of an ended partner leaves on its end.
    if ($null -eq $ended -and (Test-QualityChance 0.125) -and $started.AddDays(365) -lt $script:qualityEnd) {
        $ended = Get-QualityDate $started.AddDays(365) $script:qualityEnd
    }
    $row = [pscustomobject]@{ Partner = $P.Name; Name = $person.Name; Email = $email; Role = $Role; Phone = Get-Phone $P.Country
                              StartedOn = $started; EndedOn = $ended }
    $script:contactRows.Add($row)
    $row
}

# The certifications of one person of a track: the associate level, and for some a professional one 200-700 days later;
# each renewed in the 120 days before it expires, unless it lapses (one in ten) or its holder has left by then.
function Add-SampleCertifications([object] $Contact, [string] $Track) {
    $last = if ($null -ne $Contact.EndedOn) { $Contact.EndedOn.AddDays(-1) } else { $script:qualityEnd }
    $first = Get-QualityDate $Contact.StartedOn.AddDays(20) $Contact.StartedOn.AddDays(150)
    $levels = [ordered]@{ Associate = $first }
    if (Test-QualityChance 0.45) { $levels.Professional = Get-QualityDate $first.AddDays(200) $first.AddDays(700) }
    foreach ($level in $levels.Keys) {
        $earned = $levels[$level]
        while ($earned -le $last) {
            $expires = $earned.AddYears(3)
            $script:certificationRows.Add([pscustomobject]@{ Partner = $Contact.Partner; Contact = $Contact.Email; Name = "$Track $level"; EarnedOn = $earned; ExpiresOn = $expires })
            if (Test-QualityChance 0.1) { break }
            $earned = Get-QualityDate $expires.AddDays(-120) $expires.AddDays(-1)
        }
    }
}

foreach ($p in $partners) {
    $startedOn = if ($p.Direct) { $p.JoinedOn } else { $p.FirstActive }
    if ($null -eq $startedOn) { continue }   # never Active: prospects, and partners still onboarding
    $until = if ($null -ne $p.EndedOn -and $p.EndedOn -le $qualityEnd) { $p.EndedOn } else { $null }
    $highest = ($p.Tiers | ForEach-Object Tier | Sort-Object { @('Registered', 'Silver', 'Gold', 'Platinum').IndexOf($_) } | Select-Object -Last 1)
    $used = @{}
    $null = Add-SampleContact $p 'Partner Manager' $p.JoinedOn $until $used
    $range = $certifiedPeople[$highest]
    $people = Get-QualityInt $range[0] $range[1]
    for ($i = 0; $i -lt $people; $i++) {
        # The first as many as the tier's rule counts work on the networking track; the others on any.
        $role = if ($i -lt $range[0]) { Get-QualityItem @('Network Engineer', 'Presales Engineer', 'Solutions Architect') } else { Get-QualityItem @($technicalRoles.Keys) }
        $contact = Add-SampleContact $p $role $startedOn $until $used
        Add-SampleCertifications $contact $technicalRoles[$role]
    }
    for ($i = Get-QualityInt 0 2; $i -gt 0; $i--) {
        $contact = Add-SampleContact $p 'Sales Lead' $startedOn $until $used
        if (Test-QualityChance 0.5) { Add-SampleCertifications $contact 'Sales' }
    }
}

$tierRuleRows = @(
    [pscustomobject]@{ Tier = 'Silver';   Region = '';               Type = ''; MinRevenue = '250000';  Currency = 'USD'; RevenueMonths = 12; MinCertified = 2; Certification = '';            MinMonthsActive = 3 }
    [pscustomobject]@{ Tier = 'Gold';     Region = '';               Type = ''; MinRevenue = '600000'; Currency = 'USD'; RevenueMonths = 12; MinCertified = 4; Certification = 'Networking*'; MinMonthsActive = 6 }
    [pscustomobject]@{ Tier = 'Gold';     Region = 'Western Europe'; Type = ''; MinRevenue = '500000';  Currency = 'EUR'; RevenueMonths = 12; MinCertified = 4; Certification = 'Networking*'; MinMonthsActive = 6 }
    [pscustomobject]@{ Tier = 'Platinum'; Region = '';               Type = ''; MinRevenue = '5000000'; Currency = 'USD'; RevenueMonths = 12; MinCertified = 7; Certification = 'Networking*'; MinMonthsActive = 12 }
)
