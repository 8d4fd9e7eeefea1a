using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Proofs;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>
/// "Already paid" asks for the transfer confirmation once the claim is noted: a file is kept and thanked for, "not now"
/// or silence keeps everything as it was without the question, a refused file is explained and may be sent again, and any
/// other message ends the wait and is routed as if no dialog ran.
/// </summary>
public sealed class Proof_of_payment_transcripts
{
    private static readonly Turn PaidInFull =
        new Turn("Ich habe am 18.11. 480 Euro überwiesen").Contains("Bis zum 27.11.2026", "Überweisungsbestätigung", "[Jetzt nicht]");

    [Theory]
    [InlineData("de", "Ich habe am 18.11. 480 Euro überwiesen", "Vielen Dank, ich habe Ihre Überweisungsbestätigung (beleg.pdf) erhalten")]
    [InlineData("en", "I paid 480 euros on 18 November", "Thank you, I have received your transfer confirmation (beleg.pdf)")]
    public async Task A_file_sent_when_asked_is_kept_for_the_claim_and_thanked_for(string language, string claim, string thanks)
    {
        var world = new CaseWorld(language);
        world.AddInvoice("RE-1", 480m);
        var client = world.Talk(world.ClaimPaid(), claim);
        await client.SendActivityAsync(claim, CancellationToken.None);

        var replies = await client.SendActivityAsync(WithFiles(client, "beleg.pdf"), CancellationToken.None);

        Assert.StartsWith(thanks, Assert.Single(replies).Text, StringComparison.Ordinal);
        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult?.Status);
        var (request, files) = Assert.Single(world.Proofs.Kept);
        Assert.Equal(["beleg.pdf"], files);
        Assert.Equal(["RE-1"], request.InvoiceNumbers);
        Assert.Equal(Assert.Single(world.EscalationsFor(EscalationReason.ClaimedPaid)).Id, request.EscalationId);
        Assert.Equal("D-1", request.DebtorId);
    }

    [Theory]
    [InlineData("Jetzt nicht")]
    [InlineData("nein")]
    public async Task Not_now_keeps_the_claim_as_it_was_without_a_proof(string answer)
    {
        var world = new CaseWorld("de");
        world.AddInvoice("RE-1", 480m);
        var client = world.Talk(world.ClaimPaid(), PaidInFull.Says);

        await Transcript.PlayAsync(client, PaidInFull, new Turn(answer).Contains("Kein Problem"));

        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult?.Status);
        Assert.Empty(world.Proofs.Kept);
        Assert.Equal("claimed paid 480.00 on 2026-11-18", world.StoredInvoice("RE-1").Pause?.Reason);
        Assert.Single(world.EscalationsFor(EscalationReason.ClaimedPaid));
    }

    [Fact]
    public async Task Any_other_message_ends_the_wait_as_an_interruption_for_main_dialog()
    {
        var world = new CaseWorld("de");
        world.AddInvoice("RE-1", 480m);
        var client = world.Talk(world.ClaimPaid(), PaidInFull.Says);
        await Transcript.PlayAsync(client, PaidInFull);

        var replies = await client.SendActivityAsync("Wie hoch sind die Mahngebühren?", CancellationToken.None);

        Assert.Empty(replies);
        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult?.Status);
        Assert.IsType<Interruption>(client.DialogTurnResult?.Result);
        Assert.Empty(world.Proofs.Kept);
    }

    [Theory]
    [InlineData(ProofRefusal.Disguised, "nicht das, was ihr Name oder Typ angibt")]
    [InlineData(ProofRefusal.WrongType, "nur ein PDF oder ein Bild")]
    [InlineData(ProofRefusal.TooLarge, "bis 10 MB")]
    [InlineData(ProofRefusal.TooMany, "höchstens 10")]
    [InlineData(ProofRefusal.Empty, "ist leer")]
    [InlineData(ProofRefusal.Unreadable, "nicht empfangen")]
    public async Task A_refused_file_is_explained_and_may_be_sent_again(ProofRefusal refusal, string explanation)
    {
        var world = new CaseWorld("de");
        world.AddInvoice("RE-1", 480m);
        var client = world.Talk(world.ClaimPaid(), PaidInFull.Says);
        await Transcript.PlayAsync(client, PaidInFull);

        var refused = await client.SendActivityAsync(WithFiles(client, "refuse:" + refusal), CancellationToken.None);
        var kept = await client.SendActivityAsync(WithFiles(client, "screenshot.png"), CancellationToken.None);

        Assert.Contains(explanation, refused[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Bitte senden Sie die Überweisungsbestätigung als PDF", refused[1].Text, StringComparison.Ordinal);
        Assert.Contains("(screenshot.png) erhalten", Assert.Single(kept).Text, StringComparison.Ordinal);
        Assert.Equal(["screenshot.png"], Assert.Single(world.Proofs.Kept).Files);
    }

    [Fact]
    public async Task After_the_last_refused_attempt_the_bot_goes_on_without_the_proof()
    {
        var world = new CaseWorld("en");
        world.PaymentClaim.ProofAttempts = 2;
        world.AddInvoice("RE-1", 480m);
        var client = world.Talk(world.ClaimPaid(), "I paid 480 euros on 18 November");
        await client.SendActivityAsync("I paid 480 euros on 18 November", CancellationToken.None);

        await client.SendActivityAsync(WithFiles(client, "refuse:Disguised"), CancellationToken.None);
        var last = await client.SendActivityAsync(WithFiles(client, "refuse:Disguised"), CancellationToken.None);

        Assert.Contains("check your payment without it", last[^1].Text, StringComparison.Ordinal);
        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult?.Status);
        Assert.Empty(world.Proofs.Kept);
        Assert.Single(world.EscalationsFor(EscalationReason.ClaimedPaid));
    }

    [Fact]
    public async Task A_file_sent_with_the_claim_is_kept_at_once_and_not_asked_for_again()
    {
        var world = new CaseWorld("en");
        world.AddInvoice("RE-1", 480m);
        const string text = "I paid 480 euros on 18 November, here is the confirmation";
        var client = world.Start(world.ClaimPaid(), world.Recognize(text));
        var claim = WithFiles(client, "transfer.pdf");
        claim.Text = text;

        var replies = await client.SendActivityAsync(claim, CancellationToken.None);

        var texts = string.Join("\n", replies.Select(r => r.Text));
        Assert.Contains("(transfer.pdf)", texts, StringComparison.Ordinal);
        Assert.DoesNotContain("you are welcome to send it here", texts, StringComparison.Ordinal);
        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult?.Status);
        Assert.Null(Assert.Single(world.Proofs.Kept).Request.EscalationId);
        Assert.Single(world.EscalationsFor(EscalationReason.ClaimedPaid));
    }

    [Fact]
    public async Task Yes_asks_for_the_file_and_keeps_waiting()
    {
        var world = new CaseWorld("en");
        world.AddInvoice("RE-1", 480m);
        var client = world.Talk(world.ClaimPaid(), "I paid 480 euros on 18 November");
        await client.SendActivityAsync("I paid 480 euros on 18 November", CancellationToken.None);

        var yes = await client.SendActivityAsync("yes", CancellationToken.None);
        var file = await client.SendActivityAsync(WithFiles(client, "receipt.heic"), CancellationToken.None);

        Assert.Contains("attach the file", Assert.Single(yes).Text, StringComparison.Ordinal);
        Assert.Contains("(receipt.heic)", Assert.Single(file).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_the_proof_can_be_turned_off()
    {
        var world = new CaseWorld("en");
        world.PaymentClaim.AskForProof = false;
        world.AddInvoice("RE-1", 480m);
        var client = world.Talk(world.ClaimPaid(), "I paid 480 euros on 18 November");

        await Transcript.PlayAsync(client, new Turn("I paid 480 euros on 18 November").Contains("until 27 November 2026", "!transfer confirmation"));

        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult?.Status);
    }

    [Fact]
    public async Task In_the_chat_a_file_without_words_starts_the_claim_and_another_subject_is_answered_at_once()
    {
        var world = new CaseWorld("de");
        world.AddInvoice("RE-1", 480m);
        var chat = world.Chat(world.ClaimPaid(), world.Dispute());

        var fileOnly = await chat.SendActivityAsync(WithFiles(chat, "beleg.pdf"), CancellationToken.None);
        await chat.SendActivityAsync("am 18.11.", CancellationToken.None);
        await chat.SendActivityAsync("480 Euro", CancellationToken.None);
        var dispute = await chat.SendActivityAsync("Die Rechnung ist falsch, die Lieferung kam nie bei uns an", CancellationToken.None);

        Assert.Contains("(beleg.pdf) erhalten", string.Join("\n", fileOnly.Select(r => r.Text)), StringComparison.Ordinal);
        Assert.Single(world.Proofs.Kept);
        Assert.Contains("wörtlich an unser Team", string.Join("\n", dispute.Select(r => r.Text)), StringComparison.Ordinal);
        Assert.Equal("Die Rechnung ist falsch, die Lieferung kam nie bei uns an", world.StoredInvoice("RE-1").Dispute);
    }

    private static Activity WithFiles(Conversations.Testing.DialogTestClient client, params string[] names)
    {
        var activity = client.Adapter.MakeActivity(string.Empty);
        activity.Attachments = [.. names.Select(n => new Attachment { Name = n, ContentType = "application/octet-stream" })];
        return activity;
    }
}
