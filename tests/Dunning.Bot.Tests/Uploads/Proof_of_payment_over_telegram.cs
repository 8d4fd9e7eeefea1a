using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.EndToEnd;
using Dunning.Bot.Tests.Fakes.Telegram;
using Dunning.Bot.Tests.Infrastructure;
using Dunning.Bot.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Uploads;

/// <summary>
/// Photos and documents on Telegram: the real host polls the fake Bot API with the real Telegram.Bot client, which fetches
/// a file (getFile, then the file download) only when the bot keeps it as proof of payment.
/// </summary>
public sealed class Proof_of_payment_over_telegram : IAsyncLifetime
{
    private static readonly FakeUser Anna = new(515151, "Anna", "Berger", "anna_b", "de");
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(90));
    private FakeTelegramServer server = null!;
    private BotHost host = null!;
    private OwnerApi owner = null!;
    private string debtorId = "";

    public async Task InitializeAsync()
    {
        server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions(), timeout.Token);
        host = EndToEndHost.Start(TimeProvider.System, settings: new()
        {
            ["Telegram:Token"] = server.Token,
            ["Telegram:ApiBaseUrl"] = server.BaseUrl.ToString(),
            ["Telegram:PollingTimeout"] = "00:00:01",
            ["Uploads:MaxFileBytes"] = "1048576",
        });
        owner = host.Owner();
        await server.WaitUntilAsync(s => s.Calls.Any(c => c.Method == "deleteWebhook" && c.StatusCode == 200), Wait, timeout.Token);
        var debtor = await owner.DebtorWithInvoiceAsync("K-700", "Anna Berger", "de", "RE-2026-700", 1200m);
        debtorId = debtor.Id;
        await RepliesAsync(() => server.EnqueueStart(Anna, debtor.LinkToken), 1);
    }

    [Fact]
    public async Task A_photo_sent_when_asked_is_fetched_in_its_largest_size_and_kept()
    {
        await ClaimPaidAsync();

        var thanks = Assert.Single(await RepliesAsync(() => server.EnqueuePhoto(Anna, SampleFiles.Jpeg), 1));

        Assert.StartsWith("Vielen Dank, ich habe Ihre Überweisungsbestätigung (photo.jpg) erhalten", thanks.VisibleText, StringComparison.Ordinal);
        var proof = Assert.Single(await Proofs.ListAsync(debtorId, CancellationToken.None));
        Assert.Equal(("image/jpeg", "telegram"), (proof.ContentType, proof.Channel));
        Assert.Equal(SampleFiles.Jpeg, (await Proofs.OpenAsync(debtorId, proof.Id, CancellationToken.None))!.Value.Content);
        Assert.Equal(1, Assert.Single(server.Downloads).Value);
        Assert.Contains((await host.Services.GetRequiredService<ICaseStore>().FindAsync(debtorId, CancellationToken.None))!.History,
            a => a.Kind == CaseActionKinds.ProofOfPayment);
    }

    [Fact]
    public async Task A_pdf_document_is_kept_under_its_name()
    {
        await ClaimPaidAsync();

        var thanks = Assert.Single(await RepliesAsync(() => server.EnqueueDocument(Anna, SampleFiles.Pdf, "Kontoauszug.pdf", "application/pdf", "Hier der Beleg"), 1));

        Assert.Contains("(Kontoauszug.pdf)", thanks.VisibleText, StringComparison.Ordinal);
        Assert.Equal("application/pdf", Assert.Single(await Proofs.ListAsync(debtorId, CancellationToken.None)).ContentType);
    }

    [Fact]
    public async Task A_fake_pdf_is_refused_and_nothing_is_kept()
    {
        await ClaimPaidAsync();

        var replies = await RepliesAsync(() => server.EnqueueDocument(Anna, SampleFiles.FakePdf, "beleg.pdf", "application/pdf"), 2);

        Assert.StartsWith("Diese Datei ist nicht das, was ihr Name oder Typ angibt", replies[0].VisibleText, StringComparison.Ordinal);
        Assert.StartsWith("Bitte senden Sie die Überweisungsbestätigung als PDF", replies[1].VisibleText, StringComparison.Ordinal);
        Assert.Empty(await Proofs.ListAsync(debtorId, CancellationToken.None));
    }

    [Fact]
    public async Task A_file_announced_larger_than_allowed_is_refused_without_downloading_it()
    {
        await ClaimPaidAsync();

        var replies = await RepliesAsync(() => server.EnqueueDocument(Anna, SampleFiles.Pdf, "gross.pdf", "application/pdf", declaredSize: 30L * 1024 * 1024), 2);

        Assert.StartsWith("Die Datei ist leider zu groß: Ich kann Dateien bis 1 MB annehmen.", replies[0].VisibleText, StringComparison.Ordinal);
        Assert.Empty(server.Downloads);
        Assert.Empty(await Proofs.ListAsync(debtorId, CancellationToken.None));
    }

    [Fact]
    public async Task A_photo_without_words_is_read_as_the_claim_with_its_proof()
    {
        var replies = await RepliesAsync(() => server.EnqueuePhoto(Anna, SampleFiles.Jpeg), 3);

        Assert.StartsWith("Vielen Dank für Ihre Nachricht! Ich lasse Ihre Zahlung zur Rechnung RE-2026-700 prüfen.", replies[0].VisibleText, StringComparison.Ordinal);
        Assert.Contains("(photo.jpg) erhalten", replies[1].VisibleText, StringComparison.Ordinal);
        Assert.Contains("An welchem Tag", replies[2].VisibleText, StringComparison.Ordinal);
        Assert.Single(await Proofs.ListAsync(debtorId, CancellationToken.None));
    }

    private IProofStore Proofs => host.Services.GetRequiredService<IProofStore>();

    /// <summary>"Paid yesterday": thanks, the noted claim, and the question for the transfer confirmation.</summary>
    private async Task ClaimPaidAsync()
    {
        var replies = await RepliesAsync(() => server.EnqueueMessage(Anna, "Ich habe gestern 1200 Euro überwiesen"), 3);
        Assert.Contains("Überweisungsbestätigung", replies[^1].VisibleText, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<SentMessage>> RepliesAsync(Action send, int expect)
    {
        var before = server.SentMessages.Count(m => m.ChatId == Anna.Id);
        send();
        await server.WaitUntilAsync(s => s.SentMessages.Count(m => m.ChatId == Anna.Id) >= before + expect, Wait, timeout.Token);
        return [.. server.SentMessages.Where(m => m.ChatId == Anna.Id).Skip(before)];
    }

    public async Task DisposeAsync()
    {
        owner.Dispose();
        host.Dispose();
        await server.DisposeAsync();
        timeout.Dispose();
    }
}
