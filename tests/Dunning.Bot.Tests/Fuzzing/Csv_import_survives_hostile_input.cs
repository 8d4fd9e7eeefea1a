using System.Text;
using Dunning.Bot.Intake;
using Dunning.Bot.Tests.Intake;

namespace Dunning.Bot.Tests.Fuzzing;

/// <summary>
/// 10,000 generated hostile CSV files — damaged cells, control characters, invalid UTF-8, quotes left open, missing and
/// extra cells, oversized rows, random bytes — each with at least one invalid row, imported all-or-nothing (the import
/// verb's default) into a LiteDB file: never an exception, always a report of problems, and nothing stored.
/// (The import is a command-line verb, not an HTTP surface, so it runs in process.)
/// </summary>
public sealed class Csv_import_survives_hostile_input : IDisposable
{
    private readonly Importing importing = new(new ImportOptions { MaxRowBytes = 4096 });
    private readonly Random random = new(1705);

    [Fact]
    public async Task Ten_thousand_hostile_files_are_refused_with_a_report_and_change_nothing()
    {
        Assert.True((await importing.ImportAsync(Importing.Csv(Importing.Header, Importing.Row("RE-0")))).Committed);
        var before = DataSnapshot.Of(importing.Context.Database);

        for (var i = 0; i < FuzzRun.Inputs; i++)
        {
            var file = HostileFile();
            ImportResult result;
            try
            {
                result = await importing.ImportAsync(file);
            }
            catch (Exception ex)
            {
                Assert.Fail($"File #{i} threw {ex.GetType().Name}: {ex.Message}\n{Encoding.UTF8.GetString(file[..Math.Min(file.Length, 300)])}");
                return;
            }
            Assert.False(result.Committed, $"File #{i} was imported: {Encoding.UTF8.GetString(file[..Math.Min(file.Length, 300)])}");
        }

        Assert.Equal(before, DataSnapshot.Of(importing.Context.Database));
    }

    /// <summary>A header, some good rows, one damaged row (damaged so it can never be valid) and maybe more good rows.</summary>
    private byte[] HostileFile()
    {
        if (random.Next(20) == 0)
        {
            var garbage = new byte[random.Next(1, 4096)];
            random.NextBytes(garbage);
            return garbage;
        }
        var rows = new List<byte[]> { Encoding.UTF8.GetBytes(Importing.Header) };
        for (var n = random.Next(0, 4); n > 0; n--)
            rows.Add(Encoding.UTF8.GetBytes(Importing.Row($"RE-{random.Next(1, 1000)}")));
        rows.Insert(random.Next(1, rows.Count + 1), Damaged());
        var bytes = new List<byte>();
        foreach (var row in rows)
            bytes.AddRange([.. row, (byte)'\r', (byte)'\n']);
        return [.. bytes];
    }

    private byte[] Damaged()
    {
        var cells = Importing.Row("RE-X" + random.Next(1000)).Split(',');
        var at = random.Next(cells.Length);
        return random.Next(7) switch
        {
            // Dates are required and checked: a due date before the issue date can never pass.
            0 => Encoding.UTF8.GetBytes(string.Join(',', cells.Take(9).Append("2026-11-15").Append("2026-11-01").Concat(cells.Skip(11)))),
            1 => Encoding.UTF8.GetBytes(string.Join(',', cells.Take(cells.Length - 1 - random.Next(cells.Length - 1)))),
            2 => Encoding.UTF8.GetBytes(string.Join(',', cells.Append("extra").Append("cells"))),
            3 => Encoding.UTF8.GetBytes(string.Join(',', cells.Select((c, k) => k == at ? "\"" + c + "\u0000\"x" : c))),
            4 => [.. Encoding.UTF8.GetBytes(string.Join(',', cells.Take(12))), (byte)',', 0xC3, 0x28, (byte)',', .. Encoding.UTF8.GetBytes(cells[^1])],
            5 => Encoding.UTF8.GetBytes(string.Join(',', cells.Select((c, k) => k == 12 ? "zehn" + new string('9', random.Next(1, 9000)) : c))),
            _ => Encoding.UTF8.GetBytes(string.Join(',', cells.Select((c, k) => k == at ? "\"" + c : c))),
        };
    }

    public void Dispose() => importing.Dispose();
}
