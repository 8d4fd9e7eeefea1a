using System.Net;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Tests.Staff;

/// <summary>Server-sent events over loopback: an escalation raised anywhere reaches a signed-in console at once.</summary>
public sealed class The_live_stream : IDisposable
{
    private readonly StaffHost host = new();

    [Fact]
    public async Task An_escalation_is_pushed_to_an_open_stream()
    {
        using var sam = await host.SignedInAsync("sam");
        using var response = await sam.GetAsync("/console/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("retry: 3000", await reader.ReadLineAsync());

        await host.Get<EscalationDesk>().RaiseAsync(StaffHost.DebtorId, EscalationReason.Hardship, "lost my job", [StaffHost.InvoiceNumber], null, CancellationToken.None);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? line;
        while ((line = await reader.ReadLineAsync(timeout.Token)) is not null && line != "event: escalation")
        {
        }
        Assert.Equal("event: escalation", line);
        var data = await reader.ReadLineAsync(timeout.Token);
        Assert.StartsWith("data: {", data, StringComparison.Ordinal);
        Assert.Contains("\"debtorName\":\"Erika Muster\"", data, StringComparison.Ordinal);
        Assert.Contains("\"priority\":\"High\"", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_pages_carry_protective_headers()
    {
        using var sam = await host.SignedInAsync("sam");
        var response = await sam.GetAsync("/console");

        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl!.NoStore);
    }

    public void Dispose() => host.Dispose();
}
