using InfraLint.Cli.Files;
using InfraLint.Cli.Tests.Support;

namespace InfraLint.Cli.Tests;

public sealed class AtomicFileTests
{
    [Fact]
    public void A_failure_while_writing_keeps_the_old_file_and_leaves_no_temporary_file()
    {
        using var dir = new TempDir();
        var target = dir.Write("report.sarif", "old, complete report");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(target, writer =>
        {
            writer.Write(new string('x', 100_000));
            throw new InvalidOperationException("renderer failed half-way");
        }));

        Assert.Equal("old, complete report", File.ReadAllText(target));
        Assert.Equal(new[] { "report.sarif" }, Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void The_new_text_replaces_the_old_whole()
    {
        using var dir = new TempDir();
        var target = dir.Write("report.json", new string('o', 10_000));

        AtomicFile.Write(target, writer => writer.Write("{}"));

        Assert.Equal("{}", File.ReadAllText(target));
    }

    [Fact]
    public void Bytes_are_written_as_given_and_a_failure_keeps_the_old_file()
    {
        using var dir = new TempDir();
        var target = dir.Write("report.json", "old, complete report");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteBytes(target, stream =>
        {
            stream.Write(new byte[100_000]);
            throw new InvalidOperationException("renderer failed half-way");
        }));
        Assert.Equal("old, complete report", File.ReadAllText(target));
        Assert.Equal(new[] { "report.json" }, Directory.GetFiles(dir.Path).Select(Path.GetFileName));

        AtomicFile.WriteBytes(target, stream => stream.Write("{\"é\": 1}"u8));

        Assert.Equal("{\"é\": 1}"u8.ToArray(), File.ReadAllBytes(target));
    }
}
