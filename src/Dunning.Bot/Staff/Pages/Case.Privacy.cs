using System.Text.Json;
using Dunning.Bot.Hosting;
using Dunning.Bot.Privacy;
using Dunning.Bot.Staff.Actions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Staff.Pages;

/// <summary>
/// The case page's "Personal data" actions, owner only: rotate the link token and access code, export everything
/// about the debtor as JSON, erase the debtor (after typing the debtor's id). The services write the audit entries.
/// </summary>
public sealed partial class CaseModel
{
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public Task<IActionResult> OnPostRotateAsync([FromServices] DebtorProofs proofs, [FromServices] IOptions<BotOptions> bot, CancellationToken cancellationToken) =>
        RunAsync(RotateAsync(proofs, bot.Value, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnGetExportAsync([FromServices] DebtorExport export, CancellationToken cancellationToken)
    {
        if (!IsOwner)
            return StatusCode(StatusCodes.Status403Forbidden);
        var file = await export.BuildAsync(DebtorId, Actor.UserName, cancellationToken);
        return file is null ? NotFound() : File(JsonSerializer.SerializeToUtf8Bytes(file, ExportJson), "application/json", $"personal-data-{FileSafe(DebtorId)}.json");
    }

    public Task<IActionResult> OnPostEraseAsync([FromServices] DebtorErasure erasure, string? confirm, CancellationToken cancellationToken) =>
        RunAsync(EraseAsync(erasure, confirm, cancellationToken), cancellationToken);

    private async Task<StaffResult> RotateAsync(DebtorProofs proofs, BotOptions bot, CancellationToken cancellationToken)
    {
        if (!IsOwner)
            return StaffResult.Forbidden("result_owner_only");
        return await proofs.RotateAsync(DebtorId, Actor.UserName, cancellationToken) is { } debtor
            ? StaffResult.Done("result_proofs_rotated", new { code = debtor.AccessCode, link = bot.ChatLink(debtor.LinkToken).ToString() })
            : StaffResult.NotFound("result_no_debtor", new { id = DebtorId });
    }

    private async Task<StaffResult> EraseAsync(DebtorErasure erasure, string? confirm, CancellationToken cancellationToken)
    {
        if (!IsOwner)
            return StaffResult.Forbidden("result_owner_only");
        if (!string.Equals(confirm?.Trim(), DebtorId, StringComparison.Ordinal))
            return StaffResult.Invalid("result_erase_confirm", new { id = DebtorId });
        return await erasure.EraseAsync(DebtorId, Actor.UserName, cancellationToken)
            ? StaffResult.Done("result_erased")
            : StaffResult.NotFound("result_no_debtor", new { id = DebtorId });
    }

    private static string FileSafe(string id) => new([.. id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
}
