using Detector.Preprocessing.Reporting;

namespace Detector.Preprocessing.Tests.Reporting;

/// <summary>Untrusted text is escaped before it reaches a terminal or a one-line message.</summary>
public class TerminalTextTests
{
    [Theory]
    [InlineData("plain name", "plain name")]
    [InlineData("fish\u001b[31m", "fish\\x1B[31m")]
    [InlineData("a\tb", "a\\tb")]
    [InlineData("line1\nline2", "line1\\nline2")]
    [InlineData("cr\r", "cr\\r")]
    [InlineData("del\u007f", "del\\x7F")]
    [InlineData("c1\u009b", "c1\\x9B")]
    [InlineData("bidi\u202eevil", "bidi\\u202Eevil")]
    [InlineData("Fisch ü 魚", "Fisch ü 魚")]
    [InlineData("", "")]
    public void Escape_Table(string text, string expected) => Assert.Equal(expected, TerminalText.Escape(text));
}
