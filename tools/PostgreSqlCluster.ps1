<#
Throwaway PostgreSQL clusters for the tests: build.ps1's Test task starts one for the PostgreSQL pass of the Pester suite,
and the Server.*.Tests.ps1 files start their own when a test must stop a server or needs password authentication.
Dot-sourced by both, and by bench/Benchmarks.PostgreSql.ps1 (a -Durable cluster: fsync on, so commits cost what they
cost on a real server). The start-up lines are those of ../shared/design/postgres.md (initdb --no-sync, fsync off, a
socket in the cluster's own folder): about 3 s on this machine.
#>

# Where PostgreSQL's programs are and whether this process can run them: Bin (a folder with initdb, pg_ctl and psql), and
# Reason (why not, for the skipped report) when Bin is $null. The environment variable -Variable names (by default
# PARTNEROPS_TEST_PGBIN; the bench's is PARTNEROPS_BENCH_PGBIN) overrides the search (pointing it at a folder without
# initdb shows what a machine without PostgreSQL reports).
function Find-PostgreSqlBin {
    param([string] $Variable = 'PARTNEROPS_TEST_PGBIN')
    $bin = $null
    $override = [Environment]::GetEnvironmentVariable($Variable)
    if ($override) {
        if (-not (Test-Path (Join-Path $override 'initdb'))) {
            return [pscustomobject]@{ Bin = $null; Reason = "$Variable ('$override') has no initdb" }
        }
        $bin = $override
    }
    else {
        # The highest version installed (/usr/lib/postgresql/<version>/bin, as Debian and Ubuntu lay it out).
        $bin = Get-ChildItem '/usr/lib/postgresql/*/bin/initdb' -ErrorAction SilentlyContinue | ForEach-Object { Split-Path $_.FullName } |
            Sort-Object { [version]"$(Split-Path -Leaf (Split-Path $_)).0" } -Descending | Select-Object -First 1
        if (-not $bin) {
            return [pscustomobject]@{ Bin = $null; Reason = "no PostgreSQL server installed (no /usr/lib/postgresql/*/bin/initdb; apt-get install postgresql, or set $Variable)" }
        }
    }
    # PostgreSQL refuses to run as root: root runs it as the postgres user.
    if ((Test-IsRoot) -and -not ((Get-Command runuser -ErrorAction SilentlyContinue) -and (Test-PostgresUser))) {
        return [pscustomobject]@{ Bin = $null; Reason = "running as root, and no 'postgres' user or no runuser to run PostgreSQL as" }
    }
    [pscustomobject]@{ Bin = $bin; Reason = $null }
}

function Test-IsRoot { -not $IsWindows -and (id -u) -eq '0' }

function Test-PostgresUser { $null -ne (getent passwd postgres) }

# Runs one of PostgreSQL's server programs (initdb, pg_ctl) as the user that may run it; returns its exit code.
function Invoke-PostgreSqlServerTool {
    param([Parameter(Mandatory)] [string] $Bin, [Parameter(Mandatory)] [string] $Tool, [string[]] $Arguments)
    $program = Join-Path $Bin $Tool
    if (Test-IsRoot) { $output = & runuser -u postgres -- $program @Arguments 2>&1 }
    else { $output = & $program @Arguments 2>&1 }
    $script:PostgreSqlToolOutput = @($output | ForEach-Object { "$_" })
    $LASTEXITCODE
}

# A free TCP port on 127.0.0.1 (the system's choice; it may be taken again before the server binds it, hence the retries).
function Get-FreeTcpPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

<#
Starts a throwaway cluster in a new temporary folder on 127.0.0.1 and a free port (a clash retried with another port) and
creates $Database in it. Returns Root (the folder), Bin, Port, Database, Server (a postgresql:// URI of the database for
the user postgres, without the password), Log (the server's log file) and Durable. With -Password the cluster wants that password
(scram-sha-256) from every client; without it, it trusts 127.0.0.1. With -Durable the server keeps PostgreSQL's
durability settings (fsync, synchronous_commit, full_page_writes on: for measurements); without it they are off (a
throwaway cluster). Stop it with Stop-PostgreSqlCluster.
#>
function Start-PostgreSqlCluster {
    param(
        [Parameter(Mandatory)] [string] $Bin,
        [string] $Database = 'partnerops_test',
        [string] $Password,
        [switch] $Durable
    )
    $root = Join-Path ([IO.Path]::GetTempPath()) ('partnerops-pg-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $root
    $cluster = [pscustomobject]@{ Root = $root; Bin = $Bin; Port = 0; Database = $Database; Server = $null; Log = (Join-Path $root 'log')
        Durable = [bool]$Durable }
    try {
        if (Test-IsRoot) { chown postgres: $root }
        $initdb = @('-D', (Join-Path $root 'data'), '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync')
        if ($Password) {
            $passwordFile = Join-Path $root 'pwfile'
            [IO.File]::WriteAllText($passwordFile, $Password)
            if (Test-IsRoot) { chown postgres: $passwordFile }
            $initdb += '-A', 'scram-sha-256', "--pwfile=$passwordFile"
        }
        else { $initdb += '-A', 'trust' }
        if (Invoke-PostgreSqlServerTool $Bin 'initdb' $initdb) {
            throw "initdb failed:`n$($script:PostgreSqlToolOutput -join "`n")"
        }
        if ($Password) { Remove-Item $passwordFile -Force }
        foreach ($attempt in 1..5) {
            $cluster.Port = Get-FreeTcpPort
            if (Start-PostgreSqlServer $cluster) { break }
            $log = Get-Content -Raw $cluster.Log -ErrorAction SilentlyContinue
            if ($attempt -eq 5 -or $log -notmatch 'could not bind|already in use') {
                throw "pg_ctl start failed:`n$($script:PostgreSqlToolOutput -join "`n")`n$log"
            }
        }
        $cluster.Server = "postgresql://postgres@127.0.0.1:$($cluster.Port)/$Database"
        if ($Database -ne 'postgres') {
            Invoke-PostgreSqlClusterSql $cluster "CREATE DATABASE $Database" -Password $Password -Database postgres | Out-Null
        }
        $cluster
    }
    catch {
        Stop-PostgreSqlCluster $cluster
        throw
    }
}

# Starts the server of a cluster made by Start-PostgreSqlCluster (again, after Stop-PostgreSqlServer) on its port; returns
# whether it started. fsync and friends off (a throwaway cluster) unless the cluster is Durable. More connections than the
# default 100: a test file keeps a connection pool per database (one schema per test) until its AfterAll releases them.
function Start-PostgreSqlServer {
    param([Parameter(Mandatory)] $Cluster)
    $options = "-c listen_addresses=127.0.0.1 -p $($Cluster.Port) -k $($Cluster.Root) -c max_connections=300"
    if (-not $Cluster.Durable) { $options += ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off' }
    -not (Invoke-PostgreSqlServerTool $Cluster.Bin 'pg_ctl' @('-D', (Join-Path $Cluster.Root 'data'), '-l', $Cluster.Log, '-w', '-o', $options, 'start'))
}

# Stops the server of a cluster at once (-m immediate: as a crash or a pulled cable would, for the client), keeping its
# files; quiet when it is not running.
function Stop-PostgreSqlServer {
    param([Parameter(Mandatory)] $Cluster)
    if (Test-Path (Join-Path $Cluster.Root 'data/postmaster.pid')) {
        $null = Invoke-PostgreSqlServerTool $Cluster.Bin 'pg_ctl' @('-D', (Join-Path $Cluster.Root 'data'), '-m', 'immediate', '-w', 'stop')
    }
}

# Runs SQL on a cluster (as postgres, through psql -At) and returns psql's output lines; throws with psql's error. With
# -Script the SQL goes to psql's standard input instead of -c: a script run statement by statement (each in its own
# transaction unless it opens one), psql commands such as \copy included, stopping at the first error, without command tags.
function Invoke-PostgreSqlClusterSql {
    param([Parameter(Mandatory)] $Cluster, [Parameter(Mandatory)] [string] $Sql, [string] $Password, [string] $Database, [switch] $Script)
    if (-not $Database) { $Database = $Cluster.Database }
    $saved = $env:PGPASSWORD
    try {
        if ($Password) { $env:PGPASSWORD = $Password }
        $psql = Join-Path $Cluster.Bin 'psql'
        $connection = @('-X', '-w', '-At', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', $Cluster.Port, '-U', 'postgres', '-d', $Database)
        $output = if ($Script) { $Sql | & $psql @connection -q 2>&1 } else { & $psql @connection -c $Sql 2>&1 }
        if ($LASTEXITCODE) { throw "psql failed on a cluster at port $($Cluster.Port): $($output -join "`n")" }
        $output | ForEach-Object { "$_" }
    }
    finally { $env:PGPASSWORD = $saved }
}

# Stops a cluster at once (nothing to keep) and removes its folder; quiet when it is already stopped.
function Stop-PostgreSqlCluster {
    param([Parameter(Mandatory)] $Cluster)
    Stop-PostgreSqlServer $Cluster
    Remove-Item $Cluster.Root -Recurse -Force -ErrorAction SilentlyContinue
}
