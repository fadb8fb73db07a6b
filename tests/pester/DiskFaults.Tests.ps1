# Read-only files, folders and file systems, a full disk, and a file another process has locked.
# The file-system cases mount a small tmpfs, which needs root on Linux (as CI runs); elsewhere they are
# skipped with the reason. A read-only file or folder is made with chattr +i (or a read-only bind mount) as root, whom
# chmod does not stop, and with chmod a-w otherwise.
BeforeDiscovery {
    $script:WriteNames = @('Add-Partner', 'piped Add-Partner', 'Set-Partner', 'Remove-Partner', 'Add-PartnerRevenue', 'Remove-PartnerRevenue',
        'Set-PartnerExchangeRate', 'Set-PartnerTarget', 'Remove-PartnerTarget', 'Import-Partner', 'Import-PartnerRevenue')
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # Whether this process can mount a tmpfs (Linux, root with CAP_SYS_ADMIN), and if not, why.
    $script:MountWhy = $null
    if (-not $IsLinux -or (& id -u) -ne '0') {
        $script:MountWhy = 'mounting a tmpfs needs Linux and root'
    }
    else {
        $probe = New-TestFolder
        & mount -t tmpfs -o size=64k tmpfs $probe 2>$null
        if ($LASTEXITCODE -eq 0) { & umount $probe } else { $script:MountWhy = 'this root cannot mount a tmpfs here (no CAP_SYS_ADMIN)' }
    }

    # Marks the running test skipped with this reason, when there is one; returns whether it did.
    function Skip-Because([string] $Reason) {
        if ($Reason) { Set-ItResult -Skipped -Because $Reason; return $true }
        $false
    }

    # A folder with a tmpfs of this size mounted on it (owner-only); Dismount-TestTmpfs undoes it.
    function Mount-TestTmpfs([string] $Size) {
        $folder = New-TestFolder
        & mount -t tmpfs -o "size=$Size,mode=700" tmpfs $folder
        if ($LASTEXITCODE -ne 0) { throw "mount -t tmpfs on '$folder' failed" }
        $folder
    }

    function Dismount-TestTmpfs([string] $Folder) {
        Close-PooledConnections
        & umount $Folder
    }

    # Remounts a tmpfs read-only (or back to read-write); every pooled connection is closed first.
    function Set-TmpfsReadOnly([string] $Folder, [bool] $ReadOnly) {
        Close-PooledConnections
        $option = if ($ReadOnly) { 'remount,ro' } else { 'remount,rw' }
        & mount -o $option $Folder
        if ($LASTEXITCODE -ne 0) { throw "mount -o $option '$Folder' failed" }
    }

    # Makes a file or folder read-only for this process. As root (which chmod does not stop): chattr +i, or where
    # the file system has no such attribute (overlayfs) a read-only bind mount of the path onto itself. Throws
    # when neither works, and the tests that need it are skipped with that reason.
    $script:ReadOnlyHow = @{}
    function Set-PathReadOnly([string] $Path, [bool] $ReadOnly) {
        if (-not $ReadOnly) {
            switch ($script:ReadOnlyHow[$Path]) {
                'chattr' { & chattr -i $Path }
                'bind' { & umount $Path }
                'chmod' { & chmod u+w $Path }
                'attribute' { (Get-Item $Path).IsReadOnly = $false }
            }
            $script:ReadOnlyHow.Remove($Path)
            return
        }
        if ($IsWindows) { (Get-Item $Path).IsReadOnly = $true; $script:ReadOnlyHow[$Path] = 'attribute'; return }
        if ((& id -u) -ne '0') { & chmod a-w $Path; $script:ReadOnlyHow[$Path] = 'chmod'; return }
        if (Get-Command chattr -ErrorAction SilentlyContinue) {
            & chattr +i $Path 2>$null
            if ($LASTEXITCODE -eq 0) { $script:ReadOnlyHow[$Path] = 'chattr'; return }
        }
        & mount --bind $Path $Path 2>$null
        if ($LASTEXITCODE -eq 0) {
            & mount -o remount,bind,ro $Path 2>$null
            if ($LASTEXITCODE -eq 0) { $script:ReadOnlyHow[$Path] = 'bind'; return }
            & umount $Path
        }
        throw "as root, '$Path' could be made read-only neither with chattr +i nor with a read-only bind mount"
    }

    # A database with a partner, revenue, a rate and a target; its pooled connections closed (so no -wal file).
    function New-FilledDatabase([string] $Path) {
        $null = New-PartnerDatabase -Path $Path
        Add-Partner -Database $Path -Name 'Alpha GmbH' -Country DE -Region 'Western Europe'
        Add-PartnerRevenue -Database $Path -Partner 'Alpha GmbH' -Date 2015-03-01 -Amount 100 -Reference 'INV-1'
        Set-PartnerExchangeRate -Database $Path -From EUR -To USD -Year 2015 -Rate 1.1
        Set-PartnerTarget -Database $Path -Metric PartnerCount -Region 'Western Europe' -Year 2015 -Value 10
        Close-PooledConnections
    }

    function Get-FileHashText([string] $Path) { (Get-FileHash -Algorithm SHA256 $Path).Hash }

    # The files under this folder that this process still has open once the connection pools are cleared.
    function Get-OpenFile([string] $Folder) {
        Close-PooledConnections
        Get-ChildItem "/proc/$PID/fd" | ForEach-Object { $_.LinkTarget } | Where-Object { $_ -like "$Folder/*" }
    }

    # Every command that writes, each given the database path; each must fail with DatabaseReadOnly.
    $script:Writes = [ordered]@{
        'Add-Partner'             = { param($db) Add-Partner -Database $db -Name 'Beta' -Country FR -Region 'Western Europe' }
        'piped Add-Partner'       = { param($db) [pscustomobject]@{ Name = 'Gamma'; Country = 'FR'; Region = 'Western Europe' } | Add-Partner -Database $db }
        'Set-Partner'             = { param($db) Set-Partner -Database $db -Name 'Alpha GmbH' -Tier Gold }
        'Remove-Partner'          = { param($db) Remove-Partner -Database $db -Name 'Alpha GmbH' -Force -Confirm:$false }
        'Add-PartnerRevenue'      = { param($db) Add-PartnerRevenue -Database $db -Partner 'Alpha GmbH' -Date 2015-04-01 -Amount 5 }
        'Remove-PartnerRevenue'   = { param($db) Get-PartnerRevenue -Database $db | Remove-PartnerRevenue -Database $db -Confirm:$false }
        'Set-PartnerExchangeRate' = { param($db) Set-PartnerExchangeRate -Database $db -From GBP -To USD -Year 2015 -Rate 1.5 }
        'Set-PartnerTarget'       = { param($db) Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2016 -Value 20 }
        'Remove-PartnerTarget'    = { param($db) Remove-PartnerTarget -Database $db -Metric PartnerCount -Region 'Western Europe' -Year 2015 -Confirm:$false }
        'Import-Partner'          = { param($db) Import-Partner -Database $db -Path $script:PartnerCsv }
        'Import-PartnerRevenue'   = { param($db) Import-PartnerRevenue -Database $db -Path $script:RevenueCsv }
    }

    # Runs one write and returns its error record (or $null when it wrote).
    function Get-WriteError([string] $Name, [string] $Database) {
        try { $null = & $script:Writes[$Name] $Database; $null } catch { $_ }
    }

    $csvFolder = New-TestFolder
    $script:PartnerCsv = Join-Path $csvFolder 'partners.csv'
    Set-Content $script:PartnerCsv "Name,Country,Region`nDelta,DE,Western Europe`nEpsilon,DE,Western Europe"
    $script:RevenueCsv = Join-Path $csvFolder 'revenue.csv'
    Set-Content $script:RevenueCsv "PartnerName,Date,Amount`nAlpha GmbH,2015-05-01,7"
}

AfterAll {
    Remove-TestFolders
}

# FileOnly: disk faults of a database file (a full tmpfs, a file held open, its -wal and -shm files).
Describe 'A database on a read-only <Kind>' -Tag 'FileOnly' -ForEach @(
    @{ Kind = 'file system' }
    @{ Kind = 'file' }
    @{ Kind = 'folder' }
) {
    BeforeAll {
        $script:Folder = $null
        $script:IsReadOnly = $false
        # Why this kind cannot be made here (the tests are then skipped with it), or $null.
        $script:Why = if ($Kind -eq 'file system') { $script:MountWhy } elseif ($Kind -eq 'folder' -and $IsWindows) { 'Windows has no read-only folders' }
        if ($script:Why) { return }
        $script:Folder = if ($Kind -eq 'file system') { Mount-TestTmpfs '8m' } else { New-TestFolder }
        # A name SQLite must be given percent-encoded where it opens the file as immutable.
        $script:Db = Join-Path $script:Folder 'archive #1 ?50% Ünïcödé.db'
        New-FilledDatabase $script:Db
        $script:HashBefore = Get-FileHashText $script:Db

        # Makes it read-only, or writable again.
        function Set-ReadOnly([bool] $ReadOnly) {
            switch ($Kind) {
                'file system' { Set-TmpfsReadOnly $script:Folder $ReadOnly }
                'file' { Close-PooledConnections; Set-PathReadOnly $script:Db $ReadOnly }
                'folder' { Close-PooledConnections; Set-PathReadOnly $script:Folder $ReadOnly }
            }
            $script:IsReadOnly = $ReadOnly
        }

        try { Set-ReadOnly $true } catch { $script:Why = "$_" }
    }

    AfterAll {
        if ($script:IsReadOnly) { Set-ReadOnly $false }
        if ($Kind -eq 'file system' -and $script:Folder) { Dismount-TestTmpfs $script:Folder }
    }

    It 'can still be read: partners, revenue, measures, targets, history, the checks and a backup elsewhere' {
        if (Skip-Because $script:Why) { return }
        (Get-Partner -Database $script:Db).Name | Should -Be 'Alpha GmbH'
        (Get-PartnerRevenue -Database $script:Db).Amount | Should -Be 100
        (Measure-PartnerRevenue -Database $script:Db -GroupBy Year).Total | Should -Be 100
        (Get-PartnerTarget -Database $script:Db).Value | Should -Be 10
        @(Get-PartnerHistory -Database $script:Db).Count | Should -BeGreaterThan 0
        $info = Get-PartnerDatabase -Database $script:Db
        $info.Path | Should -Be $script:Db
        $info.PartnerCount | Should -Be 1
        $info.JournalMode | Should -Be 'wal'
        Test-PartnerDatabase -Database $script:Db | Should -BeTrue
        $copy = Join-Path (New-TestFolder) 'copy.db'
        Backup-PartnerDatabase -Database $script:Db -DestinationPath $copy
        (Get-Partner -Database $copy).Name | Should -Be 'Alpha GmbH'
    }

    It '<_> fails with DatabaseReadOnly (PermissionDenied), naming the file' -ForEach $script:WriteNames {
        if (Skip-Because $script:Why) { return }
        $failure = Get-WriteError $_ $script:Db
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'DatabaseReadOnly,*'
        $failure.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failure.Exception.Message | Should -BeLike "*'$($script:Db)'*read-only*"
    }

    if ($Kind -ne 'file') {
        It 'refuses a new database beside it with DatabaseReadOnly, naming the path' {
            if (Skip-Because $script:Why) { return }
            $new = Join-Path $script:Folder 'new.db'
            { New-PartnerDatabase -Path $new } | Should -Throw -ErrorId 'DatabaseReadOnly,*' -ExpectedMessage "*'$new' cannot be created*"
            { Add-Partner -Database $new -Name 'Zeta' } | Should -Throw -ErrorId 'DatabaseReadOnly,*'
            { Backup-PartnerDatabase -Database $script:Db -DestinationPath $new } | Should -Throw -ErrorId 'DatabaseReadOnly,*' -ExpectedMessage "'$new' cannot be created: *"
        }
    }

    It 'is left byte for byte as it was, and takes writes again once it is writable' {
        if (Skip-Because $script:Why) { return }
        Set-ReadOnly $false
        Get-FileHashText $script:Db | Should -Be $script:HashBefore
        # Nothing is added beside it; where the folder is writable, SQLite may leave an empty -wal (never a frame).
        foreach ($beside in Get-ChildItem -LiteralPath $script:Folder | Where-Object Name -ne (Split-Path -Leaf $script:Db)) {
            $Kind | Should -Be 'file' -Because "nothing may be added beside the database ($($beside.Name))"
            $beside.Name | Should -BeIn @("$(Split-Path -Leaf $script:Db)-wal", "$(Split-Path -Leaf $script:Db)-shm")
            if ($beside.Name.EndsWith('-wal')) { $beside.Length | Should -Be 0 }
        }
        Add-Partner -Database $script:Db -Name 'Beta' -Country FR -Region 'Western Europe'
        (Get-PartnerDatabase -Database $script:Db).PartnerCount | Should -Be 2
        Test-PartnerDatabase -Database $script:Db | Should -BeTrue
    }
}

# FileOnly: disk faults of a database file (a full tmpfs, a file held open, its -wal and -shm files).
Describe 'A read-only database made by schema version 1' -Tag 'FileOnly' {
    It 'is refused with DatabaseReadOnly naming the upgrade it needs, and left as it was' {
        $db = Join-Path (New-TestFolder) 'old.db'
        Copy-Item (Join-Path $PSScriptRoot '../fixtures/partnerops-schema1.db') $db
        $hash = Get-FileHashText $db
        $why = $null
        try { Set-PathReadOnly $db $true } catch { $why = "$_" }
        if (Skip-Because $why) { return }
        try {
            { Get-Partner -Database $db } | Should -Throw -ErrorId 'DatabaseReadOnly,*' -ExpectedMessage "*schema (version 1) cannot be brought up to version $([PartnerOps.Sqlite.Schema]::CurrentVersion)*"
        }
        finally {
            Close-PooledConnections
            Set-PathReadOnly $db $false
        }
        Get-FileHashText $db | Should -Be $hash
    }
}

# FileOnly: disk faults of a database file (a full tmpfs, a file held open, its -wal and -shm files).
Describe 'A full disk' -Tag 'FileOnly' {
    BeforeAll {
        $script:Rows = 20000
        $script:Csv = Join-Path (New-TestFolder) 'partners.csv'
        $text = [Text.StringBuilder]::new("Name,Country,Region,Notes`n")
        foreach ($i in 1..$script:Rows) { $null = $text.Append("Partner $i,DE,Western Europe,").Append('n', 400).Append("`n") }
        [IO.File]::WriteAllText($script:Csv, $text.ToString())
        $script:Mounts = [Collections.Generic.List[string]]::new()
        # What one pipelined batch (1,000 items) of the rows piped below adds to a database, measured rather than assumed:
        # rows grew when history and dated statuses came, and a disk sized for the old rows no longer held one batch.
        $script:PipedRow = { param($i) [pscustomobject]@{ Name = "Piped $i"; Country = 'DE'; Region = 'Western Europe'; Notes = 'p' * 100 } }
        $probe = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $probe
        Close-PooledConnections
        $empty = (Get-Item -LiteralPath $probe).Length
        1..1000 | ForEach-Object { & $script:PipedRow $_ } | Add-Partner -Database $probe
        Close-PooledConnections
        $batchBytes = (Get-Item -LiteralPath $probe).Length - $empty
        # The disk holds the empty database, two batches and a batch's write-ahead log; all the rows are many times that.
        $script:DiskMiB = [math]::Ceiling(($empty + 4 * $batchBytes) / 1MB)
        $script:PipedRows = [int][math]::Ceiling(4 * $script:DiskMiB * 1MB / ($batchBytes / 1000))
        # A new database on a new tmpfs of that size.
        function New-FullDiskDatabase {
            $mount = Mount-TestTmpfs "$($script:DiskMiB)m"
            $script:Mounts.Add($mount)
            $db = Join-Path $mount 'channel.db'
            $null = New-PartnerDatabase -Path $db
            $db
        }
    }

    AfterAll {
        foreach ($mount in $script:Mounts) { Dismount-TestTmpfs $mount }
    }

    It 'stops a pipeline with DatabaseFull (WriteError); what is kept are whole batches from the start' {
        if (Skip-Because $script:MountWhy) { return }
        $db = New-FullDiskDatabase
        $failure = $null
        try {
            # A batch fits on the disk (sized from a measured batch above); all the rows do not.
            1..$script:PipedRows | ForEach-Object { & $script:PipedRow $_ } | Add-Partner -Database $db -ErrorAction Stop
        }
        catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'DatabaseFull,*'
        $failure.CategoryInfo.Category | Should -Be 'WriteError'
        $failure.Exception.Message | Should -BeLike "*'$db' is full*"
        Get-OpenFile (Split-Path $db) | Should -BeNullOrEmpty -Because 'a failed batch must not leave its connection open'
        Test-PartnerDatabase -Database $db | Should -BeTrue
        $kept = (Get-PartnerDatabase -Database $db).PartnerCount
        $kept | Should -BeLessThan $script:PipedRows
        # The disk holds the first batches before it fills: whole batches, from the start.
        $kept | Should -BeGreaterThan 0
        (Get-Partner -Database $db -Name "Piped $kept").Name | Should -BeExactly "Piped $kept"
        Get-Partner -Database $db -Name "Piped $($kept + 1)" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'stops an import with DatabaseFull, keeps the database sound, and -Mode Skip completes it once there is room' {
        if (Skip-Because $script:MountWhy) { return }
        $db = New-FullDiskDatabase
        { Import-Partner -Database $db -Path $script:Csv } | Should -Throw -ErrorId 'DatabaseFull,*' -ExpectedMessage "*'$db' is full*"
        Get-OpenFile (Split-Path $db) | Should -BeNullOrEmpty
        Test-PartnerDatabase -Database $db | Should -BeTrue
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -BeLessThan $script:Rows

        & mount -o remount,size=64m (Split-Path $db)
        $result = Import-Partner -Database $db -Path $script:Csv -Mode Skip
        $result.Inserted + $result.Skipped | Should -Be $script:Rows
        $result.Failed | Should -Be 0
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be $script:Rows
        Test-PartnerDatabase -Database $db | Should -BeTrue
    }

    It 'stops a backup onto it with DatabaseFull and leaves no partial copy' {
        if (Skip-Because $script:MountWhy) { return }
        $mount = Mount-TestTmpfs '1m'
        $script:Mounts.Add($mount)
        $source = New-TestDatabasePath
        Import-Partner -Database $source -Path $script:Csv | Out-Null
        $destination = Join-Path $mount 'backup.db'
        { Backup-PartnerDatabase -Database $source -DestinationPath $destination } | Should -Throw -ErrorId 'DatabaseFull,*' -ExpectedMessage "*'$destination' is full*"
        Get-ChildItem -Force $mount | Should -BeNullOrEmpty
    }
}

# FileOnly: disk faults of a database file (a full tmpfs, a file held open, its -wal and -shm files).
Describe 'A database another process has locked' -Tag 'FileOnly' {
    It 'gives readers and writers DatabaseBusy after the busy timeout, and is unchanged' {
        $db = New-TestDatabasePath
        Add-Partner -Database $db -Name 'First'
        Close-PooledConnections
        # An exclusive lock, as a tool that opens the file with locking_mode EXCLUSIVE holds it: even readers wait.
        $holder = Open-RawConnection -Database $db -Sql 'PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE partners SET notes = notes;'
        try {
            $result = Invoke-ChildPwshJson -ImportModule -Environment @{ PARTNEROPS_BUSY_TIMEOUT = '1' } -Command @"
`$db = $(ConvertTo-PSLiteral $db)
foreach (`$command in { Get-Partner -Database `$db }, { Add-Partner -Database `$db -Name 'Second' }) {
    `$timer = [Diagnostics.Stopwatch]::StartNew()
    try { `$null = & `$command; [pscustomobject]@{ Id = 'none' } }
    catch { [pscustomobject]@{ Id = `$_.FullyQualifiedErrorId; Category = "`$(`$_.CategoryInfo.Category)"; Message = `$_.Exception.Message; Seconds = `$timer.Elapsed.TotalSeconds } }
}
"@
        }
        finally {
            $holder.Dispose() # rolls the held transaction back and releases the lock
        }
        $result.Count | Should -Be 2
        foreach ($outcome in $result) {
            $outcome.Id | Should -BeLike 'DatabaseBusy,*'
            $outcome.Category | Should -Be 'ResourceBusy'
            $outcome.Message | Should -BeLike "*'$db'*locked*1 seconds*"
            $outcome.Seconds | Should -BeLessThan 10
        }
        @(Get-Partner -Database $db).Name | Should -Be @('First')
        Test-PartnerDatabase -Database $db | Should -BeTrue
    }
}
