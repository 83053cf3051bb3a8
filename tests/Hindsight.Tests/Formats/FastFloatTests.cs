using System.Globalization;
using CsCheck;
using Hindsight.Formats;

namespace Hindsight.Tests.Formats;

public class FastFloatTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("0.25")]
    [InlineData("-1.5")]
    [InlineData("3")]
    [InlineData("123.4567")]
    [InlineData("0.0000001234")]
    [InlineData("1e-3")]
    [InlineData("12345678.9")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("+2.75")]
    public void Agrees_with_the_framework_parser(string text)
    {
        Assert.True(FastFloat.TryParse(text, out float fast));
        Assert.Equal(float.Parse(text, CultureInfo.InvariantCulture), fast);
    }

    [Fact]
    public void Agrees_bit_for_bit_on_random_short_decimals()
    {
        Gen.Int[-9_999_999, 9_999_999].Select(Gen.Int[0, 10]).Sample((m, k) =>
        {
            string text = (m / Math.Pow(10, k)).ToString("F" + k.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            return FastFloat.TryParse(text, out float fast)
                && BitConverter.SingleToInt32Bits(fast) == BitConverter.SingleToInt32Bits(float.Parse(text, CultureInfo.InvariantCulture));
        }, seed: "0000000000002", iter: 100_000);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1.2.3")]
    public void Rejects_what_the_framework_rejects(string text)
        => Assert.Equal(float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _), FastFloat.TryParse(text, out _));
}
