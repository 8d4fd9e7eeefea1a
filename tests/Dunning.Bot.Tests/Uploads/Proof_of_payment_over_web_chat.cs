using System.Net;
using System.Text;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.Channels.WebChat;
using Dunning.Bot.Tests.Staff;
using Dunning.Bot.Uploads;

namespace Dunning.Bot.Tests.Uploads;

/// <summary>
/// The transfer confirmation over the web chat, end to end on Kestrel: the debtor says they paid, the bot asks for the
/// proof, the client uploads it with Direct Line's multipart shape; the file is kept beside the case by its content and
/// refused with a clear answer — and nothing kept — when it is not what it claims, too large, too many, empty or sent
/// to another conversation.
/// </summary>
public sealed class Proof_of_payment_over_web_chat : IDisposable
{
    private readonly StaffHost staff = new(new()
    {
        ["Uploads:MaxFileBytes"] = "1048576",
        ["Uploads:MaxFilesPerMessage"] = "4",
    });

    [Fact]
    public async Task A_pdf_sent_when_asked_is_kept_beside_the_case_and_recorded_for_staff()
    {
        var (chat, watermark) = await ClaimedPaidAsync();

        using var response = await chat.UploadAsync(Uploading.Form(("Überweisung 20.11.pdf", "application/pdf", SampleFiles.Pdf))
            .WithActivity(new { type = "message", channelData = new { clientActivityID = "up1" } }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (texts, _) = await chat.BotSaysAsync(watermark);
        Assert.StartsWith("Thank you, I have received your transfer confirmation (Überweisung 20.11.pdf)", Assert.Single(texts), StringComparison.Ordinal);
        var proof = Assert.Single(await Proofs.ListAsync(StaffHost.DebtorId, CancellationToken.None));
        Assert.Equal(("application/pdf", "webchat", "RE-100"), (proof.ContentType, proof.Channel, Assert.Single(proof.InvoiceNumbers)));
        var escalation = Assert.Single(await staff.Get<IEscalationStore>().ListByDebtorAsync(StaffHost.DebtorId, CancellationToken.None), e => e.Reason == EscalationReason.ClaimedPaid);
        Assert.Equal(escalation.Id, proof.EscalationId);
        Assert.Equal(SampleFiles.Pdf, (await Proofs.OpenAsync(StaffHost.DebtorId, proof.Id, CancellationToken.None))!.Value.Content);
        var history = (await staff.Get<ICaseStore>().FindAsync(StaffHost.DebtorId, CancellationToken.None))!.History;
        Assert.Contains(history, a => a.Kind == CaseActionKinds.ProofOfPayment && a.Summary.Contains("Überweisung 20.11.pdf (PDF", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pdf_png_jpeg_and_heic_in_one_upload_are_kept_as_the_types_their_content_shows()
    {
        var (chat, _) = await ClaimedPaidAsync();

        using var response = await chat.UploadAsync(Uploading.Form(
            ("a.pdf", "application/octet-stream", SampleFiles.Pdf), ("b", "image/png", SampleFiles.Png),
            ("c.jpeg", "image/jpeg", SampleFiles.Jpeg), ("IMG_0001.HEIC", "application/octet-stream", SampleFiles.Heic)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var kept = await Proofs.ListAsync(StaffHost.DebtorId, CancellationToken.None);
        Assert.Equal(["application/pdf", "image/png", "image/jpeg", "image/heic"], new[] { "a.pdf", "b", "c.jpeg", "IMG_0001.HEIC" }.Select(n => kept.Single(p => p.Name == n).ContentType));
        Assert.Equal("b.png", kept.Single(p => p.Name == "b").DownloadName);
    }

    public static TheoryData<string, string, byte[], string> Refused => new()
    {
        { "beleg.pdf", "application/pdf", SampleFiles.FakePdf, "This file is not what its name or type says" },
        { "beleg.pdf", "application/pdf", SampleFiles.PdfHeaderOnly, "This file is not what its name or type says" },
        { "screenshot.png", "image/png", SampleFiles.Jpeg[..3], "This file is not what its name or type says" },
        { "setup.exe", "application/octet-stream", SampleFiles.Executable, "I can only accept a PDF or an image" },
        { "belege.zip", "application/zip", SampleFiles.Zip, "I can only accept a PDF or an image" },
        { "huge.pdf", "application/pdf", SampleFiles.PdfOfSize(1_100_000), "The file is too large for me: I can accept files of up to 1 MB" },
        { "empty.pdf", "application/pdf", [], "The file you sent is empty" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_that_is_not_an_accepted_proof_is_refused_with_a_clear_answer_and_nothing_kept(string name, string type, byte[] content, string answer)
    {
        var (chat, watermark) = await ClaimedPaidAsync();

        using var response = await chat.UploadAsync(Uploading.Form((name, type, content)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (texts, next) = await chat.BotSaysAsync(watermark);
        Assert.StartsWith(answer, texts[0], StringComparison.Ordinal);
        Assert.StartsWith("Please send the transfer confirmation as a PDF", texts[1], StringComparison.Ordinal);
        await AssertNothingKeptAsync();

        // The debtor may send the right file after a refusal.
        using var retry = await chat.UploadAsync(Uploading.Form(("beleg.pdf", "application/pdf", SampleFiles.Pdf)));
        Assert.Contains("(beleg.pdf)", Assert.Single((await chat.BotSaysAsync(next)).Texts), StringComparison.Ordinal);
        Assert.Single(await Proofs.ListAsync(StaffHost.DebtorId, CancellationToken.None));
    }

    [Fact]
    public async Task More_files_than_allowed_are_refused_together()
    {
        var (chat, watermark) = await ClaimedPaidAsync();

        using var response = await chat.UploadAsync(Uploading.Form([.. Enumerable.Range(1, 5).Select(i => ($"{i}.pdf", "application/pdf", SampleFiles.Pdf))]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("That is more files than I can accept – at most 4.", (await chat.BotSaysAsync(watermark)).Texts[0], StringComparison.Ordinal);
        await AssertNothingKeptAsync();
    }

    public static TheoryData<string, Func<HttpContent>> Malformed => new()
    {
        { "no boundary", () => Raw("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4\r\n--x--\r\n") },
        { "truncated", () => Raw("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 and then nothing") },
        { "not multipart", () => Raw("application/json", "{\"type\":\"message\"}") },
        { "no file part", () => new MultipartFormDataContent().WithActivity(new { type = "message", text = "here" }) },
        { "broken activity", () => Uploading.Form(("a.pdf", "application/pdf", SampleFiles.Pdf)).WithRawActivity("{\"type\": ") },
        { "event activity", () => Uploading.Form(("a.pdf", "application/pdf", SampleFiles.Pdf)).WithActivity(new { type = "event", name = "x" }) },
        { "part without disposition", () => Raw("multipart/form-data; boundary=x", "--x\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--x--\r\n") },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_upload_is_answered_400_and_changes_nothing(string what, Func<HttpContent> body)
    {
        var (chat, watermark) = await ClaimedPaidAsync();

        using var response = await chat.UploadAsync(body());

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty((await chat.PollAsync(watermark)).Activities);
        await AssertNothingKeptAsync();
    }

    [Fact]
    public async Task An_upload_to_someone_elses_conversation_or_as_another_user_is_refused()
    {
        var (chat, watermark) = await ClaimedPaidAsync();
        var stranger = new DirectLineClient(staff.Host.CreateHttpClient());
        await stranger.StartAsync();

        using var foreignToken = await stranger.UploadAsync(Uploading.Form(("a.pdf", "application/pdf", SampleFiles.Pdf)), conversationId: chat.ConversationId);
        using var otherUser = await chat.UploadAsync(Uploading.Form(("a.pdf", "application/pdf", SampleFiles.Pdf)), userId: "dl_someone_else");
        using var forged = await chat.UploadAsync(Uploading.Form(("a.pdf", "application/pdf", SampleFiles.Pdf)), token: chat.Token[..^4] + "AAAA");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized), (foreignToken.StatusCode, otherUser.StatusCode, forged.StatusCode));
        Assert.Empty((await chat.PollAsync(watermark)).Activities);
        await AssertNothingKeptAsync();
    }

    [Fact]
    public async Task A_body_beyond_the_upload_limits_is_answered_413_before_it_is_read()
    {
        var (chat, _) = await ClaimedPaidAsync();

        using var response = await chat.UploadAsync(Uploading.Form(("big.pdf", "application/pdf", new byte[6 * 1024 * 1024])));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingKeptAsync();
    }

    [Fact]
    public async Task A_file_without_a_claim_in_an_unlinked_chat_is_not_kept()
    {
        var chat = new DirectLineClient(staff.Host.CreateHttpClient());
        await chat.StartAsync();

        using var response = await chat.UploadAsync(Uploading.Form(("a.pdf", "application/pdf", SampleFiles.Pdf)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNothingKeptAsync();
    }

    private IProofStore Proofs => staff.Get<IProofStore>();

    private async Task AssertNothingKeptAsync()
    {
        Assert.Empty(await Proofs.ListAsync(StaffHost.DebtorId, CancellationToken.None));
        var history = (await staff.Get<ICaseStore>().FindAsync(StaffHost.DebtorId, CancellationToken.None))?.History ?? [];
        Assert.DoesNotContain(history, a => a.Kind == CaseActionKinds.ProofOfPayment);
    }

    private Task<(DirectLineClient Chat, string Watermark)> ClaimedPaidAsync() => staff.ClaimedPaidAsync();

    private static ByteArrayContent Raw(string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    public void Dispose() => staff.Dispose();
}
