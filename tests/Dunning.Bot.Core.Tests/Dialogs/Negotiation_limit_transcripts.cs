using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>
/// Every negotiation limit exactly at the limit (agreed once the debtor confirms) and one over (a concrete counter-offer, or a person decides).
/// Today is 20 November 2026; the deadline last stated is 26 November, so 30 days reach 26 December — a Saturday and a
/// holiday, so the latest date is Monday 28 December (§193 BGB) and 29 December is one day over; the first
/// instalment is due at the latest on 4 December (14 days).
/// </summary>
public sealed class Negotiation_limit_transcripts
{
    private const string Agreed = "Agreed";
    private const string Counter = "Counter";
    private const string Approval = "AwaitingApproval";

    public static TheoryData<string, decimal, int, string, int, string[], string> Limits => new()
    {
        // MaxDeferralDays = 30
        { "de", 480m, 2, "", 0, ["> Kann ich bis zum 26.12. zahlen?", "Sie zahlen 480,00 € bis zum 28.12.2026", "Soll ich das so festhalten?", "> Ja", "Einverstanden", "Sie zahlen 480,00 € bis zum 28.12.2026", "keine Erinnerungen"], Agreed },
        { "de", 480m, 2, "", 0, ["> Kann ich bis zum 29.12. zahlen?", "Bis zum 29.12.2026 kann ich den Zahlungstermin nicht selbst verschieben", "höchstens 30 Tage", "[32 Tage Aufschub, bis 28.12.2026]", "[2 Raten zu 240,00 € ab 04.12.2026]", "[Team fragen]", "!Skonto"], Counter },
        { "en", 480m, 2, "", 0, ["> Can I pay on 26 December?", "> Yes", "Agreed for invoice RE-1", "You pay €480.00 by 28 December 2026"], Agreed },
        { "en", 480m, 2, "", 0, ["> Can I pay on 29 December?", "a deferral of at most 30 days", "[32-day deferral, until 28 December 2026]", "[2 instalments of €240.00 from 4 December 2026]", "[Ask a colleague]"], Counter },
        // MaxInstalments = 6
        { "de", 480m, 2, "", 0, ["> Kann ich in 6 Raten zahlen?", "> Ja", "6 Raten, insgesamt 480,00 €", "• 04.12.2026: 80,00 €", "• 04.05.2027: 80,00 €"], Agreed },
        { "de", 480m, 2, "", 0, ["> Kann ich in 7 Raten zahlen?", "höchstens 6 Raten", "[6 Raten zu 80,00 € ab 04.12.2026]", "[32 Tage Aufschub, bis 28.12.2026]"], Counter },
        // MinInstalmentAmount = 50
        { "en", 250m, 2, "", 0, ["> Can I pay in 5 instalments?", "> Yes", "5 instalments, €250.00 in total", "• 5 April 2027: €50.00"], Agreed },
        { "en", 250m, 2, "", 0, ["> Can I pay in 6 instalments?", "at least €50.00", "[5 instalments of €50.00 from 4 December 2026]"], Counter },
        // MaxPlanDays = 76: three monthly instalments from 4 December end on 4 February 2027, exactly 76 days away
        { "de", 480m, 2, "MaxPlanDays=76", 0, ["> Kann ich in 3 Raten zahlen?", "> Ja", "3 Raten, insgesamt 480,00 €", "• 04.02.2027: 160,00 €"], Agreed },
        { "en", 480m, 2, "MaxPlanDays=76", 0, ["> Can I pay in 4 instalments?", "at most 76 days", "[3 instalments of €160.00 from 4 December 2026]", "[32-day deferral, until 28 December 2026]"], Counter },
        // MaxDiscountPercent = 3, offered only at a stage that allows it (request.second)
        { "de", 480m, 3, "", 0, ["> Kann ich bis zum 29.12. zahlen?", "[3 % Nachlass: 465,60 € bis 27.11.2026]"], Counter },
        { "en", 480m, 3, "MaxDiscountPercent=0", 0, ["> Can I pay on 29 December?", "!off:"], Counter },
        // ApprovalThresholdAmount = 5000 (strictly above needs a person)
        { "en", 5000m, 2, "", 0, ["> Can I pay on 26 December?", "> Yes", "You pay €5,000.00 by 28 December 2026"], Agreed },
        { "de", 5000.01m, 2, "", 0, ["> Kann ich bis zum 26.12. zahlen?", "Bei einem Betrag dieser Höhe", "bis heute, 17 Uhr", "!Einverstanden"], Approval },
        // MaxAgreementsPerInvoice = 2
        { "de", 480m, 2, "", 1, ["> Kann ich bis zum 26.12. zahlen?", "> Ja", "Sie zahlen 480,00 € bis zum 28.12.2026"], Agreed },
        { "en", 480m, 2, "", 2, ["> Can I pay on 26 December?", "already made arrangements for this invoice", "by today, 5 pm"], Approval },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task Requests_at_each_limit_are_agreed_and_one_over_get_a_counter_offer_or_a_person(
        string language, decimal open, int stage, string tweak, int earlierAgreements, string[] transcript, string end)
    {
        var world = new CaseWorld(language);
        world.AddInvoice("RE-1", open, stage);
        for (var i = 0; i < earlierAgreements; i++)
            world.AddBotAgreement("RE-1");
        switch (tweak)
        {
            case "MaxPlanDays=76": world.Limits.MaxPlanDays = 76; break;
            case "MaxDiscountPercent=0": world.Limits.MaxDiscountPercent = 0m; break;
        }
        var client = world.Talk(world.Negotiation(), transcript[0][2..]);

        await Transcript.PlayAsync(client, Turn.Table(transcript));

        var made = world.Agreements.All.Where(a => !a.Id.StartsWith("A-old", StringComparison.Ordinal)).ToList();
        switch (end)
        {
            case Agreed:
                var agreement = Assert.Single(made);
                Assert.Equal(AgreementState.Active, agreement.State);
                Assert.Equal("bot", agreement.DecidedBy);
                Assert.Equal(open, agreement.Amount);
                Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult?.Status);
                Assert.Contains(world.Case.History, a => a.Kind == CaseActionKinds.Agreement);
                Assert.Empty(world.Escalations.All);
                break;
            case Counter:
                Assert.Empty(made);
                Assert.Equal(DialogTurnStatus.Waiting, client.DialogTurnResult?.Status);
                break;
            default:
                var proposal = Assert.Single(made);
                Assert.Equal(AgreementState.AwaitingApproval, proposal.State);
                Assert.Equal(open, proposal.Amount);
                Assert.Single(world.EscalationsFor(EscalationReason.ApprovalRequired));
                break;
        }
    }
}
