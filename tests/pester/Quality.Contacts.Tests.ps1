# Partners' contacts (issue 18): Add-/Get-/Set-/Remove-PartnerContact through the module as users drive it (CSV in
# and out, Get-Partner piped, bad input per item, history, -WhatIf). Runs on both backends; every expected row is written out
# by hand as "Partner|Name|Email|Role|Phone|StartedOn|EndedOn" ('-' for none).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # Two partners and their contacts: Acme's Jane (current), Joe (left on 2026-03-01) and Ann (starts on 2999-01-01, the future);
    # Globex's Max (current, no role).
    function New-ContactDatabase {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Acme' -JoinedOn 2015-01-10
        Add-Partner -Database $db -Name 'Globex' -JoinedOn 2015-01-10
        Add-PartnerContact -Database $db -Partner Acme -Name 'Jane Doe' -Email 'Jane.Doe@acme.example' -Role 'Sales Engineer' -Phone '+44 20 7946 0958' -StartedOn 2020-01-01
        Add-PartnerContact -Database $db -Partner Acme -Name 'Joe Bloggs' -Email 'joe@acme.example' -Role 'Presales' -StartedOn 2019-05-01
        Set-PartnerContact -Database $db -Partner Acme -Email 'joe@acme.example' -EndedOn 2026-03-01
        Add-PartnerContact -Database $db -Partner Acme -Name 'Ann Lee' -Email 'ann@acme.example' -Role 'Sales Manager' -StartedOn 2999-01-01
        Add-PartnerContact -Database $db -Partner Globex -Name 'Max Mustermann' -Email 'max@globex.example'
        $db
    }

    function Format-Contact {
        process {
            $day = { param($d) if ($null -eq $d) { '-' } else { $d.ToString('yyyy-MM-dd') } }
            "$($_.Partner)|$($_.Name)|$($_.Email)|$(if ($_.Role) { $_.Role } else { '-' })|$(if ($_.Phone) { $_.Phone } else { '-' })|$(& $day $_.StartedOn)|$(& $day $_.EndedOn)"
        }
    }

    function Get-AllContacts([string] $Database) { @(Get-PartnerContact -Database $Database -IncludeEnded | Format-Contact) }

    # Every contact row and the history's count: equal before and after means a refused command changed nothing.
    function Get-ContactState([string] $Database) {
        (Get-AllContacts $Database) + "history: $(@(Get-PartnerHistory -Database $Database).Count)" -join "`n"
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Add-PartnerContact' {
    It 'stores a contact with its values trimmed and returns it with -PassThru' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Acme' -JoinedOn 2015-01-10
        $c = Add-PartnerContact -Database $db -Partner ' acme ' -Name '  Jane Doe ' -Email ' Jane.Doe@Acme.example ' -Role ' Sales Engineer ' -Phone ' 0123 ' -StartedOn 2020-01-01 -PassThru
        $c.PSObject.TypeNames[0] | Should -Be 'PartnerOps.PartnerContact'
        $c | Format-Contact | Should -Be 'Acme|Jane Doe|Jane.Doe@Acme.example|Sales Engineer|0123|2020-01-01|-'
        $c.PartnerId | Should -Be (Get-Partner -Database $db -Name Acme).Id
        $c.Current | Should -BeTrue
        $c.Id | Should -BeGreaterThan 0
        $c.Database | Should -Be (Get-Partner -Database $db -Name Acme).Database
    }

    It 'adds the contacts of a CSV file, one error per bad row, and changes nothing for those' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Acme' -JoinedOn 2015-01-10
        Add-Partner -Database $db -Name 'Globex' -JoinedOn 2015-01-10
        $csv = Join-Path (Get-TestFolder $db) 'contacts.csv'
        @(
            'Partner,Name,Email,Role,Phone,StartedOn'
            'Acme,Jane Doe,jane@acme.example,Sales Engineer,0123,2020-01-01'
            'Acme,Bad Mail,Jane Doe <jane2@acme.example>,,,'
            'Nobody Ltd,Ghost,ghost@nobody.example,,,'
            'Acme,Jane Again,JANE@ACME.EXAMPLE,,,'
            'Globex,Max Mustermann,max@globex.example,,,'
            'Acme,No Domain,nodot@acme,,,'
            'Globex,Jane Doe,jane@acme.example,Buyer,,2021-02-03'
        ) | Set-Content $csv
        Import-Csv $csv | Add-PartnerContact -Database $db -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 4
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $failures[0].Exception.Message | Should -Be "Email 'Jane Doe <jane2@acme.example>' is not valid: an email address has no spaces; give one address, local@domain."
        $failures[0].TargetObject.Name | Should -Be 'Bad Mail'
        $failures[1].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*'
        $failures[1].Exception.Message | Should -BeLike "*'Nobody Ltd'*"
        $failures[2].FullyQualifiedErrorId | Should -BeLike 'PartnerContactExists,*'
        $failures[2].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failures[2].Exception.Message | Should -BeLike "Partner 'Acme' already has the email 'JANE@ACME.EXAMPLE': contact Id * 'Jane Doe' <jane@acme.example>*"
        $failures[3].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $failures[3].Exception.Message | Should -Be "Email 'nodot@acme' is not valid: the domain 'acme' is not a full domain name (one with a dot, such as example.com)."
        Get-AllContacts $db | Should -Be @(
            'Acme|Jane Doe|jane@acme.example|Sales Engineer|0123|2020-01-01|-'
            'Globex|Jane Doe|jane@acme.example|Buyer|-|2021-02-03|-'
            'Globex|Max Mustermann|max@globex.example|-|-|-|-')
    }

    It 'takes the partner from Get-Partner piped in, and refuses a piped partner without the contact''s own -Name' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Acme' -JoinedOn 2015-01-10
        Get-Partner -Database $db -Name Acme | Add-PartnerContact -Name 'Joe Bloggs' -Email 'joe@acme.example' -StartedOn 2999-12-01
        Get-AllContacts $db | Should -Be @('Acme|Joe Bloggs|joe@acme.example|-|-|2999-12-01|-')
        $before = Get-ContactState $db
        Get-Partner -Database $db -Name Acme | Add-PartnerContact -Email 'x@acme.example' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $failures[0].Exception.Message | Should -BeLike "The piped partner 'Acme' is the contact's partner; give the contact's -Name and -Email*"
        Get-ContactState $db | Should -Be $before
    }

    It 'refuses a second contact with the email of an ended one, saying how to bring it back' {
        $db = New-ContactDatabase
        $before = Get-ContactState $db
        Add-PartnerContact -Database $db -Partner Acme -Name 'Joe B.' -Email 'JOE@acme.example' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PartnerContactExists,*'
        $failures[0].Exception.Message | Should -BeLike "*It ended on 2026-03-01: Set-PartnerContact -Partner 'Acme' -Email 'joe@acme.example' -EndedOn `$null brings it back."
        Get-ContactState $db | Should -Be $before
    }

    It 'refuses bad values per item, naming the value and the problem' -ForEach @(
        @{ Values = @{ Name = ' '; Email = 'a@acme.example' }; Message = "Name ' ' is not valid: a contact's name cannot be empty." }
        @{ Values = @{ Name = 'A'; Email = 'a@acme.example'; Role = 'x' * 101 }; Message = "Role '$('x' * 40)… (101 characters)' is not valid: a role has at most 100 characters (this one has 101)." }
        @{ Values = @{ Name = 'A'; Email = 'a@acme.example'; Phone = "01`n23" }; Message = "Phone '01``u{A}23' is not valid: it holds the control character ``u{A} at position 3; it must be one line of visible text." }
        @{ Values = @{ Name = 'A'; Email = 'a@acme.example, b@acme.example' }; Message = "Email 'a@acme.example, b@acme.example' is not valid: an email address has no spaces; give one address, local@domain." }
        @{ Values = @{ Name = 'A'; Email = 'a@acme.example'; StartedOn = '1899-12-31' }; Message = "StartedOn '1899-12-31' is not valid: a date must be between the years 1900 and 2999." }
    ) {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Acme' -JoinedOn 2015-01-10
        $before = Get-ContactState $db
        [pscustomobject]($Values + @{ Partner = 'Acme' }) | Add-PartnerContact -Database $db -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].Exception.Message | Should -Be $Message
        Get-ContactState $db | Should -Be $before
    }

    It 'adds nothing with -WhatIf' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Acme' -JoinedOn 2015-01-10
        $before = Get-ContactState $db
        Add-PartnerContact -Database $db -Partner Acme -Name 'Jane' -Email 'jane@acme.example' -WhatIf
        Get-ContactState $db | Should -Be $before
    }
}

Describe 'Get-PartnerContact' {
    BeforeAll {
        $script:db = New-ContactDatabase
    }

    It 'lists the contacts current today, by partner then name' {
        @(Get-PartnerContact -Database $db | Format-Contact) | Should -Be @(
            'Acme|Jane Doe|Jane.Doe@acme.example|Sales Engineer|+44 20 7946 0958|2020-01-01|-'
            'Globex|Max Mustermann|max@globex.example|-|-|-|-')
        @(Get-PartnerContact -Database $db).Current | Should -Be @($true, $true)
    }

    It 'lists ended and future contacts with -IncludeEnded, each with Current' {
        $all = @(Get-PartnerContact -Database $db -IncludeEnded)
        $all | Format-Contact | Should -Be @(
            'Acme|Ann Lee|ann@acme.example|Sales Manager|-|2999-01-01|-'
            'Acme|Jane Doe|Jane.Doe@acme.example|Sales Engineer|+44 20 7946 0958|2020-01-01|-'
            'Acme|Joe Bloggs|joe@acme.example|Presales|-|2019-05-01|2026-03-01'
            'Globex|Max Mustermann|max@globex.example|-|-|-|-')
        $all.Current | Should -Be @($false, $true, $false, $true)
    }

    It 'lists the contacts of a day with -AsOf: the day before EndedOn counts, EndedOn does not' {
        @(Get-PartnerContact -Database $db -Partner Acme -AsOf 2026-02-28).Name | Should -Be @('Jane Doe', 'Joe Bloggs')
        @(Get-PartnerContact -Database $db -Partner Acme -AsOf 2026-03-01).Name | Should -Be @('Jane Doe')
        @(Get-PartnerContact -Database $db -Partner Acme -AsOf 2019-12-31).Name | Should -Be @('Joe Bloggs')
        @(Get-PartnerContact -Database $db -Partner Acme -AsOf 2999-01-01).Name | Should -Be @('Ann Lee', 'Jane Doe')
    }

    It 'filters by email, role and name with wildcards, ignoring case' {
        @(Get-PartnerContact -Database $db -Email 'JANE.doe@ACME.example').Name | Should -Be @('Jane Doe')
        @(Get-PartnerContact -Database $db -Email '*@acme.example' -IncludeEnded).Name | Should -Be @('Ann Lee', 'Jane Doe', 'Joe Bloggs')
        @(Get-PartnerContact -Database $db -Role 'sales*' -IncludeEnded).Name | Should -Be @('Ann Lee', 'Jane Doe')
        @(Get-PartnerContact -Database $db -Role 'presales' -IncludeEnded).Name | Should -Be @('Joe Bloggs')
        @(Get-PartnerContact -Database $db -Name 'j*' -IncludeEnded).Name | Should -Be @('Jane Doe', 'Joe Bloggs')
        @(Get-PartnerContact -Database $db -Name 'm*', 'ann*' -IncludeEnded).Name | Should -Be @('Ann Lee', 'Max Mustermann')
    }

    It 'takes partners from the pipeline and by name pattern' {
        @(Get-Partner -Database $db -Name Globex | Get-PartnerContact).Email | Should -Be @('max@globex.example')
        @(Get-PartnerContact -Database $db -Partner 'Glo*').Email | Should -Be @('max@globex.example')
        @('Acme', 'Globex' | Get-PartnerContact -Database $db).Name | Should -Be @('Jane Doe', 'Max Mustermann')
    }

    It 'names a partner that does not exist, and lists nothing for it' {
        $found = @(Get-PartnerContact -Database $db -Partner 'Acme Corp' -ErrorVariable failures -ErrorAction SilentlyContinue)
        $found.Count | Should -Be 0
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*'
    }

    It 'writes contacts to CSV that Add-PartnerContact reads back into another database' {
        $csv = Join-Path (Get-TestFolder $db) 'export.csv'
        Get-PartnerContact -Database $db -IncludeEnded | Export-Csv $csv -NoTypeInformation
        $other = New-TestDatabase
        Add-Partner -Database $other -Name 'Acme' -JoinedOn 2015-01-10
        Add-Partner -Database $other -Name 'Globex' -JoinedOn 2015-01-10
        Import-Csv $csv | Add-PartnerContact -Database $other -WarningAction SilentlyContinue
        # Ended contacts come back ended (EndedOn binds from the column), current ones current.
        Get-AllContacts $other | Should -Be (Get-AllContacts $db)
        @(Get-PartnerContact -Database $other).Count | Should -Be @(Get-PartnerContact -Database $db).Count
    }

    It 'adds a contact that has left with -EndedOn, and refuses one that leaves before it starts' {
        $other = New-TestDatabase
        Add-Partner -Database $other -Name 'Acme' -JoinedOn 2015-01-10
        $left = Add-PartnerContact -Database $other -Partner Acme -Name 'Old Hand' -Email 'old@acme.example' -StartedOn 2015-02-01 -EndedOn 2015-12-31 -PassThru
        $left | Format-Contact | Should -Be 'Acme|Old Hand|old@acme.example|-|-|2015-02-01|2015-12-31'
        $left.Current | Should -BeFalse
        Add-PartnerContact -Database $other -Partner Acme -Name 'Back Wards' -Email 'back@acme.example' -StartedOn 2016-02-01 -EndedOn 2016-01-31 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $failures[0].Exception.Message | Should -BeLike "*EndedOn*2016-01-31*StartedOn 2016-02-01*"
        @(Get-PartnerContact -Database $other -IncludeEnded).Email | Should -Be @('old@acme.example')
    }
}

Describe 'Set-PartnerContact' {
    It 'ends a contact, which is kept, and -EndedOn $null brings it back' {
        $db = New-ContactDatabase
        Set-PartnerContact -Database $db -Partner Acme -Email 'JANE.DOE@acme.example' -EndedOn 2026-06-30
        @(Get-PartnerContact -Database $db -Partner Acme).Count | Should -Be 0
        (Get-PartnerContact -Database $db -Partner Acme -Email jane* -IncludeEnded) | Format-Contact | Should -Be 'Acme|Jane Doe|Jane.Doe@acme.example|Sales Engineer|+44 20 7946 0958|2020-01-01|2026-06-30'
        $back = Set-PartnerContact -Database $db -Partner Acme -Email 'joe@acme.example' -EndedOn $null -PassThru
        $back | Format-Contact | Should -Be 'Acme|Joe Bloggs|joe@acme.example|Presales|-|2019-05-01|-'
        $back.Current | Should -BeTrue
    }

    It 'changes piped contacts: a role, a cleared phone, a new email' {
        $db = New-ContactDatabase
        Get-PartnerContact -Database $db -Role 'Sales Engineer' | Set-PartnerContact -Role 'Partner Manager' -Phone '' -NewEmail 'jane@acme.example'
        Get-PartnerContact -Database $db -Partner Acme | Format-Contact | Should -Be 'Acme|Jane Doe|jane@acme.example|Partner Manager|-|2020-01-01|-'
    }

    It 'changes contacts that went through Export-Clixml, and refuses a contact of another database' {
        $db = New-ContactDatabase
        $file = Join-Path (Get-TestFolder $db) 'contacts.xml'
        Get-PartnerContact -Database $db -Partner Acme | Export-Clixml $file
        Import-Clixml $file | Set-PartnerContact -Role 'Lead'
        (Get-PartnerContact -Database $db -Partner Acme).Role | Should -Be 'Lead'
        $other = New-TestDatabase
        Import-Clixml $file | Set-PartnerContact -Database $other -Role 'Other' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ObjectFromOtherDatabase,*'
    }

    It 'writes nothing for a change to the values stored' {
        $db = New-ContactDatabase
        $before = Get-ContactState $db
        Set-PartnerContact -Database $db -Partner Acme -Email 'jane.doe@acme.example' -Role 'Sales Engineer' -Name 'Jane Doe'
        Get-ContactState $db | Should -Be $before
    }

    It 'refuses an EndedOn before StartedOn and a new email another contact has, changing nothing' {
        $db = New-ContactDatabase
        $before = Get-ContactState $db
        Set-PartnerContact -Database $db -Partner Acme -Email 'jane.doe@acme.example' -EndedOn 2019-12-31 -ErrorVariable failures -ErrorAction SilentlyContinue
        Set-PartnerContact -Database $db -Partner Acme -Email 'jane.doe@acme.example' -NewEmail 'Joe@Acme.example' -ErrorVariable +failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $failures[0].Exception.Message | Should -Be "EndedOn '2019-12-31' is not valid: a contact cannot leave before starting (StartedOn 2020-01-01)."
        $failures[1].FullyQualifiedErrorId | Should -BeLike 'PartnerContactExists,*'
        $failures[1].Exception.Message | Should -BeLike "Partner 'Acme' already has the email 'Joe@Acme.example': contact Id * 'Joe Bloggs' <joe@acme.example>*"
        Get-ContactState $db | Should -Be $before
    }

    It 'names a contact that is not there, with the partner''s closest emails' {
        $db = New-ContactDatabase
        Set-PartnerContact -Database $db -Partner Acme -Email 'jane.deo@acme.example' -Role 'x' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PartnerContactNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].Exception.Message | Should -BeLike "Partner 'Acme' has no contact with the email 'jane.deo@acme.example' in '*'. Close emails of the partner: 'Jane.Doe@acme.example'."
    }

    It 'changes nothing with -WhatIf' {
        $db = New-ContactDatabase
        $before = Get-ContactState $db
        Set-PartnerContact -Database $db -Partner Acme -Email 'jane.doe@acme.example' -EndedOn 2026-01-01 -WhatIf
        Get-ContactState $db | Should -Be $before
    }
}

Describe 'Remove-PartnerContact' {
    It 'removes nothing with -WhatIf, and the contact with -Confirm:$false' {
        $db = New-ContactDatabase
        $before = Get-ContactState $db
        Remove-PartnerContact -Database $db -Partner Acme -Email 'ann@acme.example' -WhatIf
        Get-ContactState $db | Should -Be $before
        Remove-PartnerContact -Database $db -Partner Acme -Email 'ann@acme.example' -Confirm:$false
        @(Get-PartnerContact -Database $db -IncludeEnded).Name | Should -Be @('Jane Doe', 'Joe Bloggs', 'Max Mustermann')
    }

    It 'removes piped contacts, and refuses one removed meanwhile' {
        $db = New-ContactDatabase
        $ended = @(Get-PartnerContact -Database $db -IncludeEnded | Where-Object { -not $_.Current })
        $ended | Remove-PartnerContact -Confirm:$false
        @(Get-PartnerContact -Database $db -IncludeEnded).Name | Should -Be @('Jane Doe', 'Max Mustermann')
        $ended[0] | Remove-PartnerContact -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PartnerContactNotFound,*'
    }

    It 'removes a contact''s certifications with it and says how many' {
        $db = New-ContactDatabase
        $jane = Get-PartnerContact -Database $db -Partner Acme
        Invoke-RawSql -Database $db -Sql ("INSERT INTO certifications (contact_id, partner_id, name, name_key, earned_on, expires_on, created_at, updated_at) VALUES " +
            "($($jane.Id), $($jane.PartnerId), 'Networking Pro', 'networking pro', '2025-01-01', NULL, '2025-01-01 00:00:00.0000000', '2025-01-01 00:00:00.0000000'), " +
            "($($jane.Id), $($jane.PartnerId), 'Security Pro', 'security pro', '2025-02-01', '2027-02-01', '2025-01-01 00:00:00.0000000', '2025-01-01 00:00:00.0000000')")
        $said = $jane | Remove-PartnerContact -Confirm:$false -Verbose 4>&1 | ForEach-Object Message
        $said | Should -Contain 'Removed the contact Jane Doe <Jane.Doe@acme.example> (Acme) and its 2 certification(s).'
        "$(Get-RawScalar -Database $db -Sql 'SELECT count(*) FROM certifications')" | Should -Be '0'
        @(Get-PartnerContact -Database $db -Partner Acme -IncludeEnded).Name | Should -Be @('Ann Lee', 'Joe Bloggs')
    }
}

Describe 'The history of contacts' {
    It 'records each add, change and removal as a Contact entry of its partner' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Acme' -JoinedOn 2015-01-10
        $c = Add-PartnerContact -Database $db -Partner Acme -Name 'Jane' -Email 'jane@acme.example' -PassThru
        Set-PartnerContact -Database $db -Partner Acme -Email 'jane@acme.example' -Role 'Buyer'
        Remove-PartnerContact -Database $db -Partner Acme -Email 'jane@acme.example' -Confirm:$false
        $entries = @(Get-PartnerHistory -Database $db | Where-Object Entity -EQ 'Contact')
        $entries.Operation | Should -Be @('Delete', 'Update', 'Insert')
        $entries.EntityId | Should -Be @("$($c.Id)", "$($c.Id)", "$($c.Id)")
        $entries.PartnerId | Should -Be @($c.PartnerId, $c.PartnerId, $c.PartnerId)
    }
}

Describe 'Tab completion of contacts' {
    BeforeAll {
        $script:db = New-ContactDatabase
        Add-PartnerContact -Database $db -Partner Globex -Name 'Eve' -Email 'eve@globex.example' -Role 'SALES ENGINEER'
        function Get-Completion([string] $Line) {
            (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
        }
    }

    It 'completes -Role with the stored roles, one spelling per key, ignoring case' {
        Get-Completion "Get-PartnerContact -Database '$db' -Role sales" | Should -Be @("'Sales Engineer'", "'Sales Manager'")
        Get-Completion "Add-PartnerContact -Database '$db' -Role pre" | Should -Be @('Presales')
    }

    It 'completes -Email with the emails of the partner given, ended contacts included' {
        Get-Completion "Set-PartnerContact -Database '$db' -Partner Acme -Email j" | Should -Be @("'Jane.Doe@acme.example'", "'joe@acme.example'")
        Get-Completion "Remove-PartnerContact -Database '$db' -Partner Globex -Email " | Should -Be @("'eve@globex.example'", "'max@globex.example'")
        Get-Completion "Set-PartnerContact -Database '$db' -Email j" | Should -BeNullOrEmpty
    }
}
