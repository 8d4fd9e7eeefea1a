using System.Security.Claims;
using Microsoft.Net.Http.Headers;

namespace Dunning.Bot.Uploads;

/// <summary>
/// <c>GET /console/cases/{debtorId}/proofs/{proofId}</c> for signed-in owner and staff: the kept file, only ever as a
/// download (<c>Content-Disposition: attachment</c>), as the content type sniffed when it arrived (PDF, PNG, JPEG, HEIC —
/// nothing a browser runs), with <c>X-Content-Type-Options: nosniff</c> and a sandboxing Content-Security-Policy, so
/// even a file that fooled the sniffer is never rendered inline or run. Each download is written to the audit log.
/// </summary>
internal static class ProofDownload
{
    public const string ContentSecurityPolicy = "sandbox; default-src 'none'";

    public static async Task<IResult> GetAsync(string debtorId, string proofId, HttpContext http, ClaimsPrincipal user, IProofStore store,
        Staff.Actions.StaffRecords records, CancellationToken cancellationToken)
    {
        var opened = await store.OpenAsync(debtorId, proofId, cancellationToken);
        if (opened is not var (proof, content) || FileKind.ByContentType(proof.ContentType) is not { } kind)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such file", detail: $"Debtor {debtorId} has no proof of payment {proofId}.");
        await records.WriteAsync(Staff.StaffActor.From(user), debtorId, "proof-download", $"proof {proof.Id} ({proof.Name})", null, null, null, cancellationToken);

        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.CacheControl = "no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(proof.DownloadName);
        headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(content, kind.ContentType);
    }
}
