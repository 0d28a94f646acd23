using InfraLint.Json.Syntax;
using static InfraLint.Json.Tests.Json;

namespace InfraLint.Json.Tests;

public class JsonSyntaxErrorTests
{
    [Theory]
    // A missing comma is reported where the next member starts, naming the member it should follow.
    [InlineData("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}' after the value of \"a\", found '\"'")]
    [InlineData("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expected ',' or '}' after the value of \"a\"")]
    [InlineData("{\"a\": 1", 1, 8, "expected ',' or '}' after the value of \"a\", found the end of the file")]
    [InlineData("[1, 2", 1, 6, "expected ',' or ']' after item 2 of the array, found the end of the file")]
    [InlineData("[1 2]", 1, 4, "expected ',' or ']' after item 1 of the array, found '2'")]
    [InlineData("{\"a\" 1}", 1, 6, "expected ':' after the key \"a\", found '1'")]
    [InlineData("{\"a\":}", 1, 6, "expected the value of \"a\", found '}'")]
    [InlineData("{a: 1}", 1, 2, "expected a key in double quotes, found 'a'")]
    [InlineData("{'a': 1}", 1, 2, "expected a key in double quotes, found '''")]
    [InlineData("{", 1, 2, "expected a key in double quotes, found the end of the file")]
    public void Structure_errors_point_at_the_offending_character(string text, int line, int column, string message)
    {
        var failure = Fail(text);
        Assert.Equal((line, column), Start(failure.Span));
        Assert.Equal(0, failure.Span.Length);
        Assert.StartsWith("JSON syntax error: ", failure.Message);
        Assert.Contains(message, failure.Message);
    }

    [Theory]
    [InlineData("{\"a\": 1,}", 1, 8, "trailing comma")]
    [InlineData("{\n  \"a\": 1,\n}", 2, 9, "no ',' before '}'")]
    [InlineData("[1, 2,]", 1, 6, "no ',' before ']'")]
    [InlineData("[\n  1,\n  2,\n\n]", 3, 4, "trailing comma")]
    public void A_trailing_comma_is_reported_at_the_comma(string text, int line, int column, string message)
    {
        var failure = Fail(text);
        Assert.Equal((line, column), Start(failure.Span));
        Assert.Contains(message, failure.Message);
    }

    [Theory]
    [InlineData("{\"a\": \"abc", 1, 7, "unterminated string")]
    [InlineData("{\n  \"a\": \"abc\n}", 2, 8, "no closing '\"' on its line")]
    [InlineData("{\"a\": \"abc\\", 1, 7, "unterminated string")]
    [InlineData("{\"a\": \"x\\qy\"}", 1, 9, "invalid escape '\\q'")]
    [InlineData("{\"a\": \"\\u12G4\"}", 1, 8, "'\\u' must be followed by four hexadecimal digits")]
    [InlineData("{\"a\": \"\\u12\"}", 1, 8, "four hexadecimal digits")]
    [InlineData("{\"a\": \"x\ty\"}", 1, 9, "control character U+0009")]
    [InlineData("{\"a\b\": 1}", 1, 4, "control character U+0008")]
    public void String_errors(string text, int line, int column, string message)
    {
        var failure = Fail(text);
        Assert.Equal((line, column), Start(failure.Span));
        Assert.Contains(message, failure.Message);
    }

    [Theory]
    [InlineData("[01]", 1, 2, "leading zeros")]
    [InlineData("[-01]", 1, 2, "leading zeros")]
    [InlineData("[1.]", 1, 4, "expected a digit after '.', found ']'")]
    [InlineData("[-]", 1, 3, "expected a digit after '-', found ']'")]
    [InlineData("[1e]", 1, 4, "expected a digit in the exponent")]
    [InlineData("[1e+]", 1, 5, "expected a digit in the exponent")]
    [InlineData("[.5]", 1, 2, "expected an array item, found '.'")]
    [InlineData("[+1]", 1, 2, "expected an array item, found '+'")]
    [InlineData("[12x]", 1, 4, "invalid number: unexpected 'x' in '12x'")]
    [InlineData("[1, NaN]", 1, 5, "expected an array item after item 1, found 'NaN' (text must be in double quotes)")]
    [InlineData("{\"On\": True}", 1, 8, "found 'True' (JSON's literals are lower case: true)")]
    [InlineData("{\"a\": nul}", 1, 7, "found 'nul'")]
    [InlineData("{\"a\": bucket}", 1, 7, "found 'bucket' (text must be in double quotes)")]
    public void Number_and_literal_errors(string text, int line, int column, string message)
    {
        var failure = Fail(text);
        Assert.Equal((line, column), Start(failure.Span));
        Assert.Contains(message, failure.Message);
    }

    [Theory]
    [InlineData("{} {}", 1, 4, "unexpected '{' after the top-level value; a JSON file holds exactly one value")]
    [InlineData("{}}", 1, 3, "unexpected '}' after the top-level value")]
    [InlineData("{\n}\n[]\n", 3, 1, "exactly one value")]
    [InlineData("", 1, 1, "the file is empty")]
    [InlineData("  \n ", 2, 2, "the file is empty")]
    [InlineData("{\n  // why\n  \"a\": 1\n}", 2, 3, "comments are not allowed in JSON")]
    [InlineData("{\"a\": 1 /* x */}", 1, 9, "comments are not allowed")]
    [InlineData("{\"a\": 1, \u00A0\"b\": 2}", 1, 10, "expected a key in double quotes, found U+00A0")]
    [InlineData("{\"a\": \u0001}", 1, 7, "found U+0001")]
    public void Document_level_errors(string text, int line, int column, string message)
    {
        var failure = Fail(text);
        Assert.Equal((line, column), Start(failure.Span));
        Assert.Contains(message, failure.Message);
    }

    [Fact]
    public void Error_columns_count_utf16_units_and_crlf_is_one_break()
    {
        // "😀" is two UTF-16 units, so the stray x is at column 10.
        var failure = Fail("{\"😀\": 1 x}");
        Assert.Equal((1, 10, 9), (failure.Span.StartLine, failure.Span.StartColumn, failure.Span.StartOffset));
        Assert.Contains("found 'x'", failure.Message);

        failure = Fail("{\r\n  \"é\": 1,\r\n}");
        Assert.Equal((2, 9, 11), (failure.Span.StartLine, failure.Span.StartColumn, failure.Span.StartOffset));

        failure = Fail("{\"a\": 1 😀}");
        Assert.Contains("found '😀'", failure.Message);
    }

    [Fact]
    public void The_failure_names_the_file()
    {
        Assert.Equal("stacks/app.template", Fail("{", "stacks/app.template").Span.File);
    }

    [Fact]
    public void Nesting_129_deep_is_an_error_at_the_129th_bracket()
    {
        var failure = Fail(new string('[', JsonTree.MaxDepth + 1) + new string(']', JsonTree.MaxDepth + 1));
        Assert.Equal((1, 129), Start(failure.Span));
        Assert.Contains("deeper than 128 levels", failure.Message);

        failure = Fail("{\"a\": " + string.Concat(Enumerable.Repeat("{\"b\": ", JsonTree.MaxDepth)) + "1" + new string('}', JsonTree.MaxDepth + 1));
        Assert.Equal((1, 7 + 6 * (JsonTree.MaxDepth - 1)), Start(failure.Span));
    }

    [Fact]
    public void Deep_nesting_cannot_overflow_the_stack()
    {
        var failure = Fail(new string('[', 1_000_000));
        Assert.Equal((1, 129), Start(failure.Span));
    }
}
