<#
Issue 18: certifications through the module, on SQLite and PostgreSQL (PARTNEROPS_TEST_BACKEND).
  Partners: Kestrel, Osprey.
  Contacts: ann@kestrel.example  (Kestrel) started 2024-01-01, current
            bob@kestrel.example  (Kestrel) started 2024-01-01, left 2026-03-01 (EndedOn: no longer current that day)
            cara@osprey.example  (Osprey)  no StartedOn, current
            shared@example.com   (Kestrel and Osprey: one email, two partners)
  Certifications, read on 2026-03-31 (90 days later is 2026-06-29):
    ann  Azure Fundamentals    2025-01-10 .. 2026-03-31   expires ON the day: not valid, expired
    ann  Networking Associate  2025-06-01 .. 2026-06-29   valid, expiring within 90 days (the last day)
    ann  Security Expert       2025-06-01 .. 2026-06-30   valid, one day beyond 90
    bob  Azure Fundamentals    2025-01-10 .. (none)       its contact has left: not valid, not listed by default
    cara Networking Associate  2024-05-01 .. 2025-05-01   expired
    cara Cloud Architect       2026-04-15 .. (none)       earned later: listed (contact current), not valid
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # A contact as Add-PartnerContact stores it (name, email, start and end), for the certifications to name.
    function Add-TestContact([string] $Database, [string] $Partner, [string] $Name, [string] $Email, [string] $StartedOn, [string] $EndedOn) {
        $started = if ($StartedOn) { @{ StartedOn = $StartedOn } } else { @{} }
        $contact = Add-PartnerContact -Database $Database -Partner $Partner -Name $Name -Email $Email -PassThru @started
        if ($EndedOn) { Set-PartnerContact -Database $Database -Partner $Partner -Email $Email -EndedOn $EndedOn -Confirm:$false }
        $contact
    }

    # A database with the partners and contacts above, and (unless -Empty) their certifications.
    function New-CertificationDatabase([switch] $Empty) {
        $path = New-TestDatabase
        Add-TestPartner -Database $path -Partner @(
            @{ Name = 'Kestrel'; Type = 'Reseller'; Status = 'Active'; Region = 'Western Europe'; JoinedOn = '2020-01-01' }
            @{ Name = 'Osprey'; Type = 'Reseller'; Status = 'Active'; Region = 'Western Europe'; JoinedOn = '2020-01-01' }
        )
        $null = Add-TestContact $path Kestrel 'Ann Archer' 'ann@kestrel.example' '2024-01-01'
        $null = Add-TestContact $path Kestrel 'Bob Baker' 'bob@kestrel.example' '2024-01-01' '2026-03-01'
        $null = Add-TestContact $path Osprey 'Cara Cole' 'cara@osprey.example'
        $null = Add-TestContact $path Kestrel 'Sam Kestrel' 'shared@example.com'
        $null = Add-TestContact $path Osprey 'Sam Osprey' 'shared@example.com'
        if (-not $Empty) {
            $rows = @(
                [pscustomobject]@{ Partner = 'Kestrel'; Contact = 'ann@kestrel.example'; Name = 'Azure Fundamentals'; EarnedOn = '2025-01-10'; ExpiresOn = '2026-03-31' }
                [pscustomobject]@{ Partner = 'Kestrel'; Contact = 'ann@kestrel.example'; Name = 'Networking Associate'; EarnedOn = '2025-06-01'; ExpiresOn = '2026-06-29' }
                [pscustomobject]@{ Partner = 'Kestrel'; Contact = 'ann@kestrel.example'; Name = 'Security Expert'; EarnedOn = '2025-06-01'; ExpiresOn = '2026-06-30' }
                [pscustomobject]@{ Partner = 'Kestrel'; Contact = 'bob@kestrel.example'; Name = 'Azure Fundamentals'; EarnedOn = '2025-01-10'; ExpiresOn = '' }
                [pscustomobject]@{ Partner = 'Osprey'; Contact = 'cara@osprey.example'; Name = 'Networking Associate'; EarnedOn = '2024-05-01'; ExpiresOn = '2025-05-01' }
                [pscustomobject]@{ Partner = 'Osprey'; Contact = 'cara@osprey.example'; Name = 'Cloud Architect'; EarnedOn = '2026-04-15'; ExpiresOn = '' }
            )
            $rows | Add-PartnerCertification -Database $path
        }
        $path
    }

    # "partner/contact/name/valid" lines, in output order: what a listing says, for comparing with the hand-made lists.
    function Format-Certification { process { "$($_.Partner)/$($_.Contact)/$($_.Name)/$($_.Valid)" } }

    function Get-CertificationCount([string] $Database) { [int](Get-RawScalar -Database $Database -Sql 'SELECT count(*) FROM certifications') }

    $db = New-CertificationDatabase
}

AfterAll {
    Remove-TestFolders
}

Describe 'Get-PartnerCertification reads the rules on a day' {
    It 'lists every certification of the contacts current that day, valid or not, by partner, contact, name' {
        Get-PartnerCertification -Database $db -AsOf 2026-03-31 | Format-Certification | Should -Be @(
            'Kestrel/ann@kestrel.example/Azure Fundamentals/False'      # expires on the day
            'Kestrel/ann@kestrel.example/Networking Associate/True'
            'Kestrel/ann@kestrel.example/Security Expert/True'
            'Osprey/cara@osprey.example/Cloud Architect/False'          # earned after the day
            'Osprey/cara@osprey.example/Networking Associate/False'     # expired in 2025
        )
    }

    It 'counts a certification on the day before it expires' {
        (Get-PartnerCertification -Database $db -AsOf 2026-03-30 -Name 'Azure Fundamentals').Valid | Should -Be @($true)
    }

    It '-ExpiringWithin 90 takes the valid ones expiring up to the 90th day, not the one expiring on the day' {
        Get-PartnerCertification -Database $db -AsOf 2026-03-31 -ExpiringWithin 90 | Format-Certification |
            Should -Be @('Kestrel/ann@kestrel.example/Networking Associate/True')
        # A day later the 90 days reach 2026-06-30.
        @(Get-PartnerCertification -Database $db -AsOf 2026-04-01 -ExpiringWithin 90).Name | Should -Be @('Networking Associate', 'Security Expert')
    }

    It '-Expired takes those of current contacts that expired on or before the day' {
        Get-PartnerCertification -Database $db -AsOf 2026-03-31 -Expired | Format-Certification | Should -Be @(
            'Kestrel/ann@kestrel.example/Azure Fundamentals/False'
            'Osprey/cara@osprey.example/Networking Associate/False'
        )
    }

    It 'shows a departed contact''s certification, named by -Contact, as not valid once the contact has left' {
        $left = Get-PartnerCertification -Database $db -Contact 'BOB@kestrel.example' -AsOf 2026-03-01
        $left.Name | Should -Be 'Azure Fundamentals'
        $left.Valid | Should -BeFalse
        (Get-PartnerCertification -Database $db -Contact 'bob@kestrel.example' -AsOf 2026-02-28).Valid | Should -BeTrue
        # Not listed among the current contacts' certifications, before it was listed.
        @(Get-PartnerCertification -Database $db -AsOf 2026-03-01 | Where-Object Contact -EQ 'bob@kestrel.example').Count | Should -Be 0
        @(Get-PartnerCertification -Database $db -AsOf 2026-02-28 | Where-Object Contact -EQ 'bob@kestrel.example').Count | Should -Be 1
    }

    It 'restricts by partner (also piped), by contact pattern and by name pattern' {
        @(Get-PartnerCertification -Database $db -AsOf 2026-03-31 -Partner Osprey).Name | Should -Be @('Cloud Architect', 'Networking Associate')
        @(Get-Partner -Database $db -Name Osprey | Get-PartnerCertification -AsOf 2026-03-31).Name | Should -Be @('Cloud Architect', 'Networking Associate')
        @(Get-PartnerCertification -Database $db -AsOf 2026-03-31 -Name 'net*').Contact | Should -Be @('ann@kestrel.example', 'cara@osprey.example')
        @(Get-PartnerCertification -Database $db -AsOf 2026-03-31 -Contact 'cara@*').Count | Should -Be 2
    }

    It 'says PartnerNotFound for a partner that is not stored, and lists nothing for it' {
        $found = @(Get-PartnerCertification -Database $db -Partner Nobody -ErrorVariable err -ErrorAction SilentlyContinue)
        $found.Count | Should -Be 0
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*'
        $err[0].Exception.Message | Should -Match 'Nobody'
    }

    It 'takes piped contacts and lists their certifications' {
        @(Get-PartnerContact -Database $db -Partner Kestrel -Email 'ann@kestrel.example' | Get-PartnerCertification -AsOf 2026-03-31).Count | Should -Be 3
        # Every contact of Kestrel, the departed one included: its certification shows, not valid.
        Get-PartnerContact -Database $db -Partner Kestrel -IncludeEnded | Get-PartnerCertification -AsOf 2026-03-31 | Format-Certification | Should -Be @(
            'Kestrel/ann@kestrel.example/Azure Fundamentals/False'
            'Kestrel/ann@kestrel.example/Networking Associate/True'
            'Kestrel/ann@kestrel.example/Security Expert/True'
            'Kestrel/bob@kestrel.example/Azure Fundamentals/False'
        )
    }

    It 'gives each certification its partner, contact and dates' {
        $c = Get-PartnerCertification -Database $db -AsOf 2026-03-31 -Contact 'cara@osprey.example' -Name 'Networking Associate'
        $c.Partner | Should -Be 'Osprey'
        $c.ContactName | Should -Be 'Cara Cole'
        $c.EarnedOn | Should -Be ([datetime]'2024-05-01')
        $c.ExpiresOn | Should -Be ([datetime]'2025-05-01')
        $c.Database | Should -Be $db
        $c.PSObject.TypeNames[0] | Should -Be 'PartnerOps.PartnerCertification'
    }

    It 'completes -Name with the certification names stored, one spelling per name, matching case-insensitively' {
        $line = "Get-PartnerCertification -Database '$db' -Name net"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @("'Networking Associate'")
        $line = "Remove-PartnerCertification -Database '$db' -Name "
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
            Should -Be @("'Azure Fundamentals'", "'Cloud Architect'", "'Networking Associate'", "'Security Expert'")
    }

    It 'completes -Contact with the emails of the -Partner given' {
        $line = "Add-PartnerCertification -Database '$db' -Partner Kestrel -Contact "
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
            Should -Be @("'ann@kestrel.example'", "'bob@kestrel.example'", "'shared@example.com'")
    }

    It 'refuses an -ExpiringWithin out of range' {
        { Get-PartnerCertification -Database $db -ExpiringWithin -1 } | Should -Throw -ErrorId 'InvalidPartnerValue*'
    }
}

Describe 'Add-PartnerCertification' {
    BeforeEach {
        $fresh = New-CertificationDatabase -Empty
    }

    It 'adds from CSV rows through the pipeline, each bad row its own error naming the value, the others stored' {
        $csv = Join-Path (Get-TestFolder $fresh) 'certs.csv'
        @(
            'Partner,Contact,Name,EarnedOn,ExpiresOn'
            'Kestrel,ann@kestrel.example,Azure Fundamentals,2025-01-10,2026-01-10'
            ',nobody@kestrel.example,Azure Fundamentals,2025-01-10,'
            'Kestrel,ann@kestrel.example,Security Expert,2025-06-01,2025-06-01'
            'Osprey,CARA@osprey.example,Cloud Architect,2026-04-15,'
        ) | Set-Content $csv
        Import-Csv $csv | Add-PartnerCertification -Database $fresh -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 2
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PartnerContactNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].Exception.Message | Should -Match 'nobody@kestrel\.example'
        $err[1].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $err[1].Exception.Message | Should -Match "ExpiresOn '2025-06-01'.*EarnedOn 2025-06-01"
        Get-PartnerCertification -Database $fresh -AsOf 2025-12-31 | Format-Certification | Should -Be @(
            'Kestrel/ann@kestrel.example/Azure Fundamentals/True'
            'Osprey/cara@osprey.example/Cloud Architect/False'
        )
    }

    It 'adds for a piped contact, with -PassThru showing it as stored' {
        $added = Get-PartnerContact -Database $fresh -Partner Osprey -Email 'cara@osprey.example' |
            Add-PartnerCertification -Name 'Networking Associate' -EarnedOn 2024-05-01 -ExpiresOn 2999-05-01 -PassThru
        $added.Contact | Should -Be 'cara@osprey.example'
        $added.Partner | Should -Be 'Osprey'
        $added.Valid | Should -BeTrue
        $added.Id | Should -BeGreaterThan 0
    }

    It 'needs -Partner for an email two partners share, naming both' {
        Add-PartnerCertification -Database $fresh -Contact 'shared@example.com' -Name 'Azure Fundamentals' -EarnedOn 2025-01-10 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $err[0].Exception.Message | Should -Match "'Kestrel'.*'Osprey'"
        Get-CertificationCount $fresh | Should -Be 0
        (Add-PartnerCertification -Database $fresh -Contact 'shared@example.com' -Partner Osprey -Name 'Azure Fundamentals' -EarnedOn 2025-01-10 -PassThru).ContactName | Should -Be 'Sam Osprey'
    }

    It 'refuses the same contact, name (any case) and EarnedOn twice, naming the one held, and changes nothing' {
        Add-PartnerCertification -Database $fresh -Contact 'ann@kestrel.example' -Name 'Azure Fundamentals' -EarnedOn 2025-01-10
        $before = Get-CertificationCount $fresh
        Add-PartnerCertification -Database $fresh -Contact 'ann@kestrel.example' -Name 'AZURE fundamentals' -EarnedOn 2025-01-10 -ExpiresOn 2027-01-01 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $err[0].Exception.Message | Should -Match "'Azure Fundamentals' of ann@kestrel\.example earned 2025-01-10"
        Get-CertificationCount $fresh | Should -Be $before
        # Earned again on another day: a second certification.
        Add-PartnerCertification -Database $fresh -Contact 'ann@kestrel.example' -Name 'Azure Fundamentals' -EarnedOn 2026-01-10
        Get-CertificationCount $fresh | Should -Be ($before + 1)
    }

    It 'refuses bad names and dates with InvalidPartnerValue naming the value' -ForEach @(
        @{ Name = "Azure`nAdmin"; EarnedOn = '2025-01-10'; ExpiresOn = $null; Pattern = 'control character' }
        @{ Name = 'x' * 201; EarnedOn = '2025-01-10'; ExpiresOn = $null; Pattern = 'at most 200 characters' }
        @{ Name = 'Azure'; EarnedOn = '1899-12-31'; ExpiresOn = $null; Pattern = "EarnedOn '1899-12-31'" }
        @{ Name = 'Azure'; EarnedOn = '2025-01-10'; ExpiresOn = '2025-01-09'; Pattern = "ExpiresOn '2025-01-09'" }
    ) {
        Add-PartnerCertification -Database $fresh -Contact 'ann@kestrel.example' -Name $Name -EarnedOn $EarnedOn -ExpiresOn $ExpiresOn -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $err[0].Exception.Message | Should -Match $Pattern
        Get-CertificationCount $fresh | Should -Be 0
    }

    It 'refuses an unknown partner and a contact of another partner' {
        Add-PartnerCertification -Database $fresh -Contact 'ann@kestrel.example' -Partner Nobody -Name 'Azure' -EarnedOn 2025-01-10 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*'
        Add-PartnerCertification -Database $fresh -Contact 'ann@kestrel.example' -Partner Osprey -Name 'Azure' -EarnedOn 2025-01-10 -ErrorVariable err2 -ErrorAction SilentlyContinue
        $err2[0].FullyQualifiedErrorId | Should -BeLike 'PartnerContactNotFound,*'
        Get-CertificationCount $fresh | Should -Be 0
    }

    It 'adds nothing with -WhatIf' {
        Add-PartnerCertification -Database $fresh -Contact 'ann@kestrel.example' -Name 'Azure' -EarnedOn 2025-01-10 -WhatIf
        Get-CertificationCount $fresh | Should -Be 0
    }
}

Describe 'Remove-PartnerCertification' {
    BeforeEach {
        $fresh = New-CertificationDatabase
    }

    It 'removes piped certifications, each once' {
        $expired = @(Get-PartnerCertification -Database $fresh -AsOf 2026-03-31 -Expired)
        $expired | Remove-PartnerCertification -Confirm:$false
        Get-CertificationCount $fresh | Should -Be 4
        $expired | Remove-PartnerCertification -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 2
        $err[0].FullyQualifiedErrorId | Should -BeLike 'CertificationNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'removes by contact, name and EarnedOn, and says CertificationNotFound for one not held' {
        Remove-PartnerCertification -Database $fresh -Contact 'ann@kestrel.example' -Name 'security expert' -EarnedOn 2025-06-01 -Confirm:$false
        @(Get-PartnerCertification -Database $fresh -AsOf 2026-03-31 -Contact 'ann@kestrel.example').Name | Should -Be @('Azure Fundamentals', 'Networking Associate')
        Remove-PartnerCertification -Database $fresh -Contact 'ann@kestrel.example' -Name 'Security Expert' -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'CertificationNotFound,*'
        $err[0].Exception.Message | Should -Match "'Security Expert' of ann@kestrel\.example"
    }

    It 'removes certifications exported to CSV and to Clixml and read back, and refuses one from another database' {
        $folder = Get-TestFolder $fresh
        Get-PartnerCertification -Database $fresh -Contact 'cara@osprey.example' | Export-Csv (Join-Path $folder 'cara.csv')
        Get-PartnerCertification -Database $fresh -Contact 'bob@kestrel.example' | Export-Clixml (Join-Path $folder 'bob.xml')
        Import-Csv (Join-Path $folder 'cara.csv') | Remove-PartnerCertification -Database $fresh -Confirm:$false
        Import-Clixml (Join-Path $folder 'bob.xml') | Remove-PartnerCertification -Confirm:$false
        @(Get-PartnerCertification -Database $fresh -Contact 'cara@osprey.example', 'bob@kestrel.example').Count | Should -Be 0
        $other = New-CertificationDatabase
        Get-PartnerCertification -Database $other -Contact 'ann@kestrel.example' | Remove-PartnerCertification -Database $fresh -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 3
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ObjectFromOtherDatabase,*'
        Get-CertificationCount $fresh | Should -Be 3
    }

    It 'records each certification added and removed in the history' {
        Remove-PartnerCertification -Database $fresh -Contact 'cara@osprey.example' -Name 'Cloud Architect' -Confirm:$false
        $history = @(Get-PartnerHistory -Database $fresh -Entity Certification)
        @($history | Where-Object Operation -EQ 'Insert').Count | Should -Be 6
        $removed = @($history | Where-Object Operation -EQ 'Delete')
        $removed.Count | Should -Be 1
        $removed[0].ToString() | Should -Match 'Cloud Architect'
    }

    It 'copies certifications into another database with the same partners and contacts, through the pipeline' {
        $copy = New-CertificationDatabase -Empty
        Get-PartnerCertification -Database $fresh -AsOf 2026-03-31 | Add-PartnerCertification -Database $copy
        Get-PartnerCertification -Database $copy -AsOf 2026-03-31 | Format-Certification |
            Should -Be (Get-PartnerCertification -Database $fresh -AsOf 2026-03-31 | Format-Certification)
    }

    It 'removes nothing with -WhatIf' {
        Get-PartnerCertification -Database $fresh -AsOf 2026-03-31 | Remove-PartnerCertification -WhatIf
        Remove-PartnerCertification -Database $fresh -Contact 'bob@kestrel.example' -Name 'Azure Fundamentals' -WhatIf
        Get-CertificationCount $fresh | Should -Be 6
    }
}
