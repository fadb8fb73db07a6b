# Removing a set of records, whatever the order the module removes them in.
# The setup is MoneyAndTime.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'MoneyAndTime.Helpers.ps1') }
AfterAll { Remove-TestFolders }

Describe 'Removing a set of records does not fail because of the order the module removes them in' {
    BeforeAll {
        # x = 999,999,999,999.990 KWD = 999,999,999,999,990 fils. One cell: -x first, then 9,224 times +x; the running total
        # peaks at 9,224x - x = 9,223x = 9,222,999,999,999,907,770 fils (< 2^63-1 = 9,223,372,036,854,775,807) and ends there.
        # Removing the -x first would leave 9,224x = 9,223,999,999,999,907,760 fils (> 2^63-1): only that order overflows.
        function New-GulfDatabase {
            param([string] $Partner)
            $path = New-MoneyDatabase -Currency KWD
            Add-Partner -Database $path -Name $Partner -Region EMEA -JoinedOn 2014-01-01
            $csv = Join-Path (New-TestFolder) 'gulf.csv'
            $lines = [System.Collections.Generic.List[string]]::new()
            $lines.Add('PartnerName,Date,Amount,Currency,Segment,Region,Reference')
            $lines.Add("$Partner,2015-01-01,-999999999999.990,KWD,Big,EMEA,CREDIT")
            foreach ($i in 1..9224) { $lines.Add("$Partner,2015-01-02,999999999999.990,KWD,Big,EMEA,") }
            Set-Content -Path $csv -Value $lines
            $r = Import-PartnerRevenue -Database $path -Path $csv
            $r.Inserted | Should -Be 9225
            $path
        }
    }

    It 'Remove-Partner -Force removes a partner whose records net within range, the credit note stored first' {
        $db = New-GulfDatabase -Partner 'Gulf A'
        # A second cell of the same partner with mixed signs: +5.000 - 7.250 + 1.125 = -1.125 KWD
        Add-PartnerRevenue -Database $db -Partner 'Gulf A' -Segment Small -Date 2016-03-01 -Amount 5 -Currency KWD
        Add-PartnerRevenue -Database $db -Partner 'Gulf A' -Segment Small -Date 2016-03-02 -Amount -7.25 -Currency KWD
        Add-PartnerRevenue -Database $db -Partner 'Gulf A' -Segment Small -Date 2016-03-03 -Amount 1.125 -Currency KWD
        # Another partner's cell stays as it is: 10.500 KWD
        Add-Partner -Database $db -Name 'Gulf B' -Region EMEA -JoinedOn 2014-01-01
        Add-PartnerRevenue -Database $db -Partner 'Gulf B' -Segment Big -Date 2015-01-01 -Amount 10.5 -Currency KWD
        { Remove-Partner -Database $db -Name 'Gulf A' -Force -Confirm:$false -ErrorAction Stop } | Should -Not -Throw
        Get-Partner -Database $db -Name 'Gulf A' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $all = Measure-PartnerRevenue -Database $db -Currency KWD
        $all.Count | Should -Be 1
        $all.Total | Should -Be 10.500
        (Test-PartnerDatabase -Database $db -Detailed | Where-Object Check -eq 'RevenueTotals').Passed | Should -BeTrue
    }

    It 'Remove-PartnerRevenue removes every piped record of the group, the credit note piped first' {
        $db = New-GulfDatabase -Partner 'Gulf C'
        $records = @(Get-PartnerRevenue -Database $db -Partner 'Gulf C' | Sort-Object { $_.Reference -ne 'CREDIT' }, Id)
        $records[0].Reference | Should -Be 'CREDIT'
        { $records | Remove-PartnerRevenue -Database $db -Confirm:$false -ErrorAction Stop } | Should -Not -Throw
        (Measure-PartnerRevenue -Database $db -Currency KWD).Count | Should -Be 0
        Get-PartnerRevenue -Database $db | Should -BeNullOrEmpty
        (Test-PartnerDatabase -Database $db -Detailed | Where-Object Check -eq 'RevenueTotals').Passed | Should -BeTrue
    }

    It 'Remove-PartnerRevenue removes a mixed-sign subset whose end total is in range, in any order piped' {
        $db = New-GulfDatabase -Partner 'Gulf D'
        $credit = Get-PartnerRevenue -Database $db -Partner 'Gulf D' | Where-Object Reference -eq 'CREDIT'
        $sale = Get-PartnerRevenue -Database $db -Partner 'Gulf D' | Where-Object Reference -ne 'CREDIT' | Select-Object -First 1
        # Credit first: 9,223x + x = 9,224x overflows; after the sale: 9,222x, then + x = 9,223x (the start total: -x and +x go)
        { @($credit, $sale) | Remove-PartnerRevenue -Database $db -Confirm:$false -ErrorAction Stop } | Should -Not -Throw
        $m = Measure-PartnerRevenue -Database $db -Currency KWD
        $m.Count | Should -Be 9223                    # 9,225 - 2
        $m.Total | Should -Be 9222999999999907.770d   # 9,223 * 999,999,999,999.990
        $m.Minimum | Should -Be 999999999999.990d
        (Test-PartnerDatabase -Database $db -Detailed | Where-Object Check -eq 'RevenueTotals').Passed | Should -BeTrue
    }

    It 'Remove-PartnerRevenue -Id, credit note first, removes the ids given' {
        $db = New-GulfDatabase -Partner 'Gulf E'
        $credit = (Get-PartnerRevenue -Database $db -Partner 'Gulf E' | Where-Object Reference -eq 'CREDIT').Id
        $two = @(Get-PartnerRevenue -Database $db -Partner 'Gulf E' | Where-Object Reference -ne 'CREDIT' | Select-Object -First 2).Id
        # -x, +x, +x removed: 9,223x + x - 2x = 9,222x = 9,221,999,999,999,907,780 fils
        { Remove-PartnerRevenue -Database $db -Id (@($credit) + $two) -Confirm:$false -ErrorAction Stop } | Should -Not -Throw
        $m = Measure-PartnerRevenue -Database $db -Currency KWD
        $m.Count | Should -Be 9222
        $m.Total | Should -Be 9221999999999907.780d
    }
}
