using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using Dunning.Bot.Staff.CaseFiles;
using Dunning.Bot.Staff.Live;

namespace Dunning.Bot.Staff;

/// <summary>The console's non-page endpoints: the live event stream, case file exports, the stylesheet and the script.</summary>
internal static class StaffEndpoints
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Map(WebApplication app)
    {
        var console = app.MapGroup("/console").RequireAuthorization(StaffRoles.AnyPolicy);
        console.MapGet("/events", StreamAsync);
        console.MapGet("/cases/{debtorId}/file.json", ExportJsonAsync);
        console.MapGet("/cases/{debtorId}/file.pdf", ExportPdfAsync);
        app.MapGet("/console/assets/console.css", () => Asset("console.css", "text/css; charset=utf-8")).AllowAnonymous();
        app.MapGet("/console/assets/console.js", () => Asset("console.js", "text/javascript; charset=utf-8")).AllowAnonymous();
    }

    /// <summary>Server-sent events: every <see cref="ConsoleEvent"/> as it happens, a comment line as heartbeat.</summary>
    private static async Task StreamAsync(HttpContext http, ConsoleBroadcaster broadcaster, TimeProvider clock, IHostApplicationLifetime lifetime)
    {
        // Ends when the browser leaves or the host stops (an open stream must not hold up a shutdown).
        using var ends = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var aborted = ends.Token;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var reader = broadcaster.Subscribe(aborted);
        await http.Response.WriteAsync("retry: 3000\n: connected\n\n", aborted);
        await http.Response.Body.FlushAsync(aborted);
        try
        {
            while (!aborted.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                wait.CancelAfter(Heartbeat);
                try
                {
                    var item = await reader.ReadAsync(wait.Token);
                    await http.Response.WriteAsync($"event: {item.Kind}\ndata: {item.Data.ReplaceLineEndings(" ")}\n\n", aborted);
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    await http.Response.WriteAsync($": {clock.GetUtcNow():O}\n\n", aborted);
                }
                await http.Response.Body.FlushAsync(aborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
        {
            // The browser went away.
        }
    }

    private static async Task<IResult> ExportJsonAsync(string debtorId, ClaimsPrincipal user, CaseFileBuilder builder, Actions.StaffRecords records, CancellationToken cancellationToken)
    {
        var actor = StaffActor.From(user);
        var file = await builder.BuildAsync(debtorId, actor.UserName, cancellationToken);
        if (file is null)
            return Results.Problem(statusCode: 404, title: "No such debtor", detail: $"There is no debtor {debtorId}.");
        await records.WriteAsync(actor, debtorId, "export-json", $"case file {debtorId}", null, null, null, cancellationToken);
        return Results.File(JsonSerializer.SerializeToUtf8Bytes(file, ExportJson), "application/json", FileName(debtorId, "json"));
    }

    private static async Task<IResult> ExportPdfAsync(string debtorId, string? lang, ClaimsPrincipal user, CaseFileBuilder builder, CaseFilePdf pdf, Actions.StaffRecords records,
        CancellationToken cancellationToken)
    {
        var actor = StaffActor.From(user);
        var file = await builder.BuildAsync(debtorId, actor.UserName, cancellationToken);
        if (file is null)
            return Results.Problem(statusCode: 404, title: "No such debtor", detail: $"There is no debtor {debtorId}.");
        byte[] bytes;
        try
        {
            bytes = pdf.Render(file, lang);
        }
        catch (CaseFileFontMissingException ex)
        {
            return Results.Problem(statusCode: 503, title: "No font for the PDF", detail: ex.Message);
        }
        await records.WriteAsync(actor, debtorId, "export-pdf", $"case file {debtorId}", null, null, null, cancellationToken);
        return Results.File(bytes, "application/pdf", FileName(debtorId, "pdf"));
    }

    private static string FileName(string debtorId, string extension) =>
        $"case-file-{new string([.. debtorId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')])}.{extension}";

    private static IResult Asset(string name, string contentType)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Dunning.Bot.Staff.Assets.{name}")
            ?? throw new InvalidOperationException($"The console asset {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return Results.Text(reader.ReadToEnd(), contentType);
    }
}
