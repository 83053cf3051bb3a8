using System.Text;
using Hindsight.Contextual.Features;
using Hindsight.Numerics;

namespace Hindsight.Tests.Contextual.Features;

public class VwHashTests
{
    private const uint Mask18 = (1u << 18) - 1;

    [Fact]
    public void Murmur3_matches_published_vectors()
    {
        // MurmurHash3_x86_32 reference values (SMHasher): "" → 0, "hello" → 0x248bfa47,
        // "The quick brown fox jumps over the lazy dog" → 0x2e4ff723, "" with seed 1 → 0x514e28b7.
        Assert.Equal(0u, Murmur3.Hash([], 0));
        Assert.Equal(0x514e28b7u, Murmur3.Hash([], 1));
        Assert.Equal(0x248bfa47u, Murmur3.Hash("hello"u8, 0));
        Assert.Equal(0x2e4ff723u, Murmur3.Hash("The quick brown fox jumps over the lazy dog"u8, 0));
    }

    [Fact]
    public void Feature_hashes_match_vw_audit_output()
    {
        // test 376 of VW: --cb_explore_adf --noconstant --audit on cb_test.ldf; each audit token is name:index:value:…
        string audit = File.ReadAllText(RepositoryPaths.VwFixture("train-sets/ref/cb_shared_noconstant.stdout"));
        int checkedTokens = 0;
        foreach (string token in audit.Split(['\t', '\n', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = token.Split(':');
            if (parts.Length < 3)
            {
                continue;
            }

            uint expected = uint.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected, VwHash.Feature(parts[0], 0) & Mask18);
            checkedTokens++;
        }

        Assert.Equal(41, checkedTokens); // 4 lines of 5 features and 7 of 3
    }

    [Fact]
    public void Constant_and_number_names_follow_vw()
    {
        Assert.Equal(116060u, VwHash.Constant & Mask18);
        Assert.Equal(42u + 7u, VwHash.Feature("42", 7));
        Assert.Equal(0u, VwHash.Namespace(" "));
        Assert.Equal(VwHash.Feature("s", 0), VwHash.Namespace("s"));
        Assert.Equal(VwHash.Feature("a_1", 0), VwHash.Feature(" a_1 ", 0));
        Assert.Equal((VwHash.Feature("x", 0) * VwHash.FnvPrime) ^ VwHash.Feature("y", 0), VwHash.Interact(VwHash.Feature("x", 0), VwHash.Feature("y", 0)));
    }

    [Fact]
    public void Long_and_non_ascii_names_hash_their_utf8_bytes()
    {
        string name = new('é', 400);
        Assert.Equal(Murmur3.Hash(Encoding.UTF8.GetBytes(name), 3), VwHash.Feature(name, 3));
    }
}
