using System;
using System.Collections.Generic;
using System.IO;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;

namespace PartnerOps.Tests
{
    public class DatabaseLocatorTests
    {
        private static Func<string, string?> Environment(params (string Name, string? Value)[] variables)
        {
            var map = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (name, value) in variables)
            {
                map[name] = value;
            }

            return name => map.TryGetValue(name, out var value) ? value : null;
        }

        private static readonly Func<string, string?> Full = Environment(
            (DatabaseLocator.EnvironmentVariable, "/env/partners.db"),
            ("HOME", "/home/ana"),
            ("XDG_DATA_HOME", "/data/ana"),
            ("LOCALAPPDATA", @"C:\Users\ana\AppData\Local"));

        [Fact]
        public void An_explicit_path_wins_over_everything()
        {
            Assert.Equal("/explicit.db", DatabaseLocator.Resolve("/explicit.db", "/session.db", Full));
        }

        [Fact]
        public void The_session_default_comes_next()
        {
            Assert.Equal("/session.db", DatabaseLocator.Resolve(null, "/session.db", Full));
            Assert.Equal("/session.db", DatabaseLocator.Resolve("  ", "/session.db", Full));
        }

        [Fact]
        public void Then_the_environment_variable()
        {
            Assert.Equal("/env/partners.db", DatabaseLocator.Resolve(null, null, Full));
            Assert.Equal("/env/partners.db", DatabaseLocator.Resolve("", "", Full));
        }

        [Fact]
        public void Then_the_per_user_default()
        {
            var environment = Environment(("HOME", "/home/ana"), ("XDG_DATA_HOME", "/data/ana"), ("LOCALAPPDATA", @"C:\Users\ana\AppData\Local"));
            Assert.Equal(DatabaseLocator.DefaultPath(environment), DatabaseLocator.Resolve(null, null, environment));

            var blank = Environment((DatabaseLocator.EnvironmentVariable, " "), ("HOME", "/home/ana"), ("XDG_DATA_HOME", "/data/ana"), ("LOCALAPPDATA", @"C:\Users\ana\AppData\Local"));
            Assert.Equal(DatabaseLocator.DefaultPath(blank), DatabaseLocator.Resolve(null, " ", blank));
        }

        [Fact]
        public void Only_the_documented_environment_variable_is_consulted_for_the_database()
        {
            Assert.Equal("PARTNEROPS_DATABASE", DatabaseLocator.EnvironmentVariable);
        }

        [LinuxFact]
        public void On_Linux_the_default_lives_under_XDG_DATA_HOME()
        {
            var path = DatabaseLocator.DefaultPath(Environment(("HOME", "/home/ana"), ("XDG_DATA_HOME", "/data/ana")));
            Assert.Equal("/data/ana/PartnerOps/partnerops.db", path);
        }

        [LinuxFact]
        public void On_Linux_without_XDG_DATA_HOME_the_default_is_under_HOME_dot_local_share()
        {
            Assert.Equal("/home/ana/.local/share/PartnerOps/partnerops.db", DatabaseLocator.DefaultPath(Environment(("HOME", "/home/ana"))));
            Assert.Equal("/home/ana/.local/share/PartnerOps/partnerops.db", DatabaseLocator.DefaultPath(Environment(("HOME", "/home/ana"), ("XDG_DATA_HOME", ""))));
            Assert.Equal("/home/ana/.local/share/PartnerOps/partnerops.db", DatabaseLocator.DefaultPath(Environment(("HOME", "/home/ana"), ("XDG_DATA_HOME", "  "))));
        }

        [LinuxFact]
        public void On_Linux_the_default_ignores_the_Windows_variable()
        {
            var path = DatabaseLocator.DefaultPath(Environment(("HOME", "/home/ana"), ("LOCALAPPDATA", "/should/not/be/used")));
            Assert.StartsWith("/home/ana/", path, StringComparison.Ordinal);
        }

        [Fact]
        public void The_default_file_is_partnerops_db_in_a_PartnerOps_folder()
        {
            var path = DatabaseLocator.DefaultPath(Full);
            Assert.Equal("partnerops.db", Path.GetFileName(path));
            Assert.Equal("PartnerOps", Path.GetFileName(Path.GetDirectoryName(path)));
        }
    }
}
