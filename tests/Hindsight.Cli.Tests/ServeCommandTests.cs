namespace Hindsight.Cli.Tests;

/// <summary><c>hindsight serve</c>'s bad input exits 2 before anything listens (the API is tested in
/// Hindsight.Service.Tests).</summary>
public class ServeCommandTests
{
    [Fact]
    public void A_short_admin_key_is_refused()
    {
        var (code, _, stderr) = Cli.Run("serve", "--admin-key", "short", "--data", Directory.CreateTempSubdirectory().FullName);
        Assert.Equal(2, code);
        Assert.Contains("--admin-key", stderr, StringComparison.Ordinal);
    }
}
