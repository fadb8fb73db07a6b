# Raw SQL for the tier review and scorecard tests (Quality.TierReview, Quality.Scorecard), on both backends: tier rules,
# contacts and certifications stored as Set-PartnerTierRule, Add-PartnerContact and Add-PartnerCertification store them, so
# that these tests need only schema 13 (the cmdlets are other parts of issue 18).

$script:QualityStamp = '2026-01-01 00:00:00.0000000'

# A tier rule (MinRevenue in the currency's units, a 2-digit currency; RevenueMonths 12 with it).
function Add-ReviewTierRule([string] $Database, [string] $Tier, $MinRevenue, [string] $Currency = 'USD', $MinCertified, [string] $Certification, [string] $Region, [string] $Type) {
    function Text($value) { if ($null -eq $value -or $value -eq '') { 'NULL' } else { "'" + "$value".Replace("'", "''") + "'" } }
    function Number($value) { if ($null -eq $value) { 'NULL' } else { "$value" } }
    $regionKey = if ($Region) { [PartnerOps.RevenueRules]::Key($Region) } else { '' }
    $minor = if ($null -ne $MinRevenue) { [long]($MinRevenue * 100) } else { $null }
    $months = if ($null -ne $MinRevenue) { 12 } else { $null }
    $currencyText = if ($null -ne $MinRevenue) { Text $Currency } else { 'NULL' }
    Invoke-RawSql -Database $Database -Sql ("INSERT INTO tier_rules (tier, region, region_key, type, type_key, min_revenue, currency, revenue_months, min_certified, certification, min_months_active, created_at, updated_at) " +
        "VALUES ($(Text $Tier), $(Text $Region), '$regionKey', $(Text $Type), '$Type', $(Number $minor), $currencyText, $(Number $months), $(Number $MinCertified), $(Text $Certification), NULL, '$script:QualityStamp', '$script:QualityStamp')")
}

# A contact of a partner (by name) with a certification (earned, expiring or not).
function Add-ReviewCertified([string] $Database, [string] $Partner, [string] $Email, [string] $Certification, [string] $Earned, [string] $Expires, [string] $Started = '2020-01-01', [string] $Ended) {
    $endedSql = if ($Ended) { "'$Ended'" } else { 'NULL' }
    $expiresSql = if ($Expires) { "'$Expires'" } else { 'NULL' }
    Invoke-RawSql -Database $Database -Sql ("INSERT INTO contacts (partner_id, name, email, email_key, started_on, ended_on, created_at, updated_at) " +
        "SELECT id, 'Person', '$Email', '$($Email.ToLowerInvariant())', '$Started', $endedSql, '$script:QualityStamp', '$script:QualityStamp' FROM partners WHERE name = '$Partner'")
    Invoke-RawSql -Database $Database -Sql ("INSERT INTO certifications (contact_id, partner_id, name, name_key, earned_on, expires_on, created_at, updated_at) " +
        "SELECT id, partner_id, '$Certification', '$([PartnerOps.PartnerRules]::NameKey($Certification))', '$Earned', $expiresSql, '$script:QualityStamp', '$script:QualityStamp' " +
        "FROM contacts WHERE email_key = '$($Email.ToLowerInvariant())'")
}
