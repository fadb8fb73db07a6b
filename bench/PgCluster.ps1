<#
.SYNOPSIS
    A throwaway PostgreSQL cluster for the PostgreSQL rows of bench/Invoke-Benchmark.ps1 (dot-sourced by it).
.DESCRIPTION
    Start-BenchPostgreSql runs initdb in a new temporary folder and starts the server on 127.0.0.1 and a free port (a port
    taken meanwhile is retried), as the postgres user when this process is root (PostgreSQL refuses to run as root). Unlike
    the tests' cluster, it keeps the server's durability settings (fsync and synchronous_commit on), so commits cost what
    they cost on a real server. Stop-BenchPostgreSql stops it and removes the folder. Needs PostgreSQL's programs
    (/usr/lib/postgresql/<version>/bin, Debian's layout, or $env:PARTNEROPS_BENCH_PGBIN); installs nothing.
#>

# The newest PostgreSQL bin folder (initdb, pg_ctl, psql), or $null.
function Find-BenchPostgreSqlBin {
    if ($env:PARTNEROPS_BENCH_PGBIN) { return $env:PARTNEROPS_BENCH_PGBIN }
    Get-ChildItem '/usr/lib/postgresql/*/bin/initdb' -ErrorAction SilentlyContinue | ForEach-Object { Split-Path $_.FullName } |
        Sort-Object { [version]"$(Split-Path -Leaf (Split-Path $_)).0" } -Descending | Select-Object -First 1
}

function Invoke-BenchPgServerTool([string] $Bin, [string] $Tool, [string[]] $Arguments) {
    $program = Join-Path $Bin $Tool
    $output = if (-not $IsWindows -and (id -u) -eq '0') { & runuser -u postgres -- $program @Arguments 2>&1 } else { & $program @Arguments 2>&1 }
    if ($LASTEXITCODE) { throw "$Tool failed ($LASTEXITCODE): $($output -join "`n")" }
}

# Starts a cluster with a database 'bench'; returns Bin, Root, Port, Server (postgresql://postgres@127.0.0.1:<port>/bench) and Psql.
function Start-BenchPostgreSql([string] $Bin) {
    $root = Join-Path ([IO.Path]::GetTempPath()) ('partnerops-bench-pg-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $root
    if (-not $IsWindows -and (id -u) -eq '0') { chown postgres: $root }
    Invoke-BenchPgServerTool $Bin 'initdb' @('-D', (Join-Path $root 'data'), '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync')
    foreach ($attempt in 1..5) {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        try {
            Invoke-BenchPgServerTool $Bin 'pg_ctl' @('-D', (Join-Path $root 'data'), '-l', (Join-Path $root 'log'), '-w', '-o',
                "-c listen_addresses=127.0.0.1 -p $port -k $root", 'start')
            $cluster = [pscustomobject]@{ Bin = $Bin; Root = $root; Port = $port; Server = "postgresql://postgres@127.0.0.1:$port/bench"; Psql = (Join-Path $Bin 'psql') }
            Invoke-BenchPsql $cluster 'CREATE DATABASE bench' -Database postgres | Out-Null
            return $cluster
        }
        catch {
            if ($attempt -eq 5) { Remove-Item $root -Recurse -Force -ErrorAction SilentlyContinue; throw }
        }
    }
}

function Stop-BenchPostgreSql($Cluster) {
    if (-not $Cluster) { return }
    try { Invoke-BenchPgServerTool $Cluster.Bin 'pg_ctl' @('-D', (Join-Path $Cluster.Root 'data'), '-m', 'immediate', '-w', 'stop') }
    finally { Remove-Item $Cluster.Root -Recurse -Force -ErrorAction SilentlyContinue }
}

# Runs SQL (psql commands such as \copy included) through psql on the cluster, stopping at the first error; returns its output.
function Invoke-BenchPsql($Cluster, [string] $Sql, [string] $Database = 'bench') {
    $output = $Sql | & $Cluster.Psql -h 127.0.0.1 -p $Cluster.Port -U postgres -d $Database -X -q -A -t -v ON_ERROR_STOP=1 2>&1
    if ($LASTEXITCODE) { throw "psql failed ($LASTEXITCODE): $($output -join "`n")" }
    $output
}

# Seconds from start to exit of psql running $Sql (the baselines).
function Measure-BenchPsql($Cluster, [string] $Sql) {
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $output = Invoke-BenchPsql $Cluster $Sql
    [pscustomobject]@{ Seconds = $clock.Elapsed.TotalSeconds; Output = $output }
}
