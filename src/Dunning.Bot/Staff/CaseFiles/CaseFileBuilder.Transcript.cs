namespace Dunning.Bot.Staff.CaseFiles;

public sealed partial class CaseFileBuilder
{
    private Task<IReadOnlyList<CaseFileMessage>> TranscriptAsync(string debtorId, CancellationToken cancellationToken)
    {
        _ = (debtorId, options, cancellationToken);
        return Task.FromResult<IReadOnlyList<CaseFileMessage>>([]);
    }
}
