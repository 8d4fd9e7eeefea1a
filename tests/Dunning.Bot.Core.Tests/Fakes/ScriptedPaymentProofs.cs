using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Proofs;

namespace Dunning.Bot.Core.Tests.Fakes;

/// <summary>
/// Proofs for dialog transcripts: a message's attachments are its files; an attachment named "refuse:&lt;Refusal&gt;"
/// is refused with that reason, any other is kept by name. Every request is recorded.
/// </summary>
internal sealed class ScriptedPaymentProofs : IPaymentProofs
{
    public List<(ProofRequest Request, IReadOnlyList<string> Files)> Kept { get; } = [];

    public int FilesIn(ITurnContext turn) => turn.Activity.Attachments?.Count ?? 0;

    public Task<ProofReceipt> KeepAsync(ITurnContext turn, ProofRequest request, CancellationToken cancellationToken)
    {
        var names = (turn.Activity.Attachments ?? []).Select(a => a.Name ?? "file").ToList();
        if (names.FirstOrDefault(n => n.StartsWith("refuse:", StringComparison.Ordinal)) is { } refused)
            return Task.FromResult(ProofReceipt.Refused(Enum.Parse<ProofRefusal>(refused["refuse:".Length..]), 10));
        Kept.Add((request, names));
        return Task.FromResult(ProofReceipt.Of(names));
    }
}
