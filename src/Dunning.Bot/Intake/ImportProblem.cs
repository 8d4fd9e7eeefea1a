namespace Dunning.Bot.Intake;

/// <summary>
/// One thing wrong with the file: <see cref="Row"/> as a spreadsheet shows it (the header is row 1; 0 = the file
/// as a whole), the canonical <see cref="Column"/> name if one is to blame, and what is wrong.
/// </summary>
public sealed record ImportProblem(int Row, string? Column, string Message)
{
    public override string ToString() =>
        Row == 0 ? $"file: {Message}" : Column is null ? $"row {Row}: {Message}" : $"row {Row}, {Column}: {Message}";
}
