using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.EndToEnd;

/// <summary>A debtor answers a negotiation prompt after the host restarted over the same LiteDB file.</summary>
public sealed class A_conversation_survives_a_restart : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("dunning-e2e-restart-");

    [Fact]
    public async Task The_answer_to_a_pending_negotiation_prompt_is_taken_by_the_restarted_host_at_the_same_step()
    {
        var database = Path.Combine(folder.FullName, "dunning.db");
        SeededDebtor debtor;
        string conversation, token;
        using (var first = EndToEndHost.Start(EndToEndHost.NewClock(), database))
        {
            using var owner = first.Owner();
            debtor = await owner.DebtorWithInvoiceAsync("K-500", "Erika Mustermann", "de", "RE-2026-500", 1200m);
            var chat = await WebChatter.OpenAsync(first.CreateHttpClient());
            await chat.JoinAsync(debtor.LinkToken, "de-DE");

            Assert.Equal("Gern. In wie vielen Raten möchten Sie zahlen, oder welchen Betrag können Sie monatlich zahlen?", await chat.AskAsync("Ich möchte in Raten zahlen."));
            (conversation, token) = (chat.Client.ConversationId, chat.Client.Token);
        }

        using var second = EndToEndHost.Start(EndToEndHost.NewClock(), database);
        var resumed = await WebChatter.ResumeAsync(second.CreateHttpClient(), token);
        Assert.Equal(conversation, resumed.Client.ConversationId);
        Assert.EndsWith("Soll ich das so festhalten?", await resumed.AskAsync("3"), StringComparison.Ordinal);
        var agreed = await resumed.AskAsync("Ja");

        Assert.StartsWith("Einverstanden, ich habe die Vereinbarung zur Rechnung RE-2026-500 festgehalten.", agreed, StringComparison.Ordinal);
        var claim = await OpenClaim.OfAsync(second.Services, debtor.Id);
        Assert.Contains($"3 Raten, insgesamt {OpenClaim.Euros(claim, "de")}", agreed, StringComparison.Ordinal);
        var agreement = Assert.Single(await second.Services.GetRequiredService<IAgreementStore>().ListByDebtorAsync(debtor.Id, CancellationToken.None));
        Assert.Equal((AgreementState.Active, AgreementKind.InstalmentPlan, 3), (agreement.State, agreement.Kind, agreement.Schedule.Count));
        Assert.Equal(claim, agreement.Amount);
    }

    public void Dispose()
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a background thread; the temp folder is cleaned by the OS.
        }
    }
}
