using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>Disputes stop dunning with the debtor's own words; hardship pauses everything and escalates as a priority.</summary>
public sealed class Dispute_and_hardship_transcripts
{
    public static TheoryData<string, string[], string, string> Disputes => new()
    {
        { "en", ["> The goods arrived damaged and I returned them", "passed your objection on", "by today, 5 pm", "!in your own words"], "RE-1", "The goods arrived damaged and I returned them" },
        { "de", ["> Die Rechnung ist falsch", "mit Ihren eigenen Worten", "> Ich habe nur 2 statt 3 Stunden Beratung bekommen", "wörtlich an unser Team", "bis heute, 17 Uhr bei Ihnen"], "RE-1", "Ich habe nur 2 statt 3 Stunden Beratung bekommen" },
        { "en", ["> The invoice is wrong", "Which invoice", "[RE-2]", "[All of them]", "> RE-2", "in your own words", "> I never ordered the second delivery", "for invoice RE-2"], "RE-2", "I never ordered the second delivery" },
    };

    [Theory]
    [MemberData(nameof(Disputes))]
    public async Task A_dispute_stops_dunning_with_the_debtors_words_and_says_what_happens_next(string language, string[] transcript, string disputed, string words)
    {
        var world = new CaseWorld(language);
        world.AddInvoice("RE-1", 480m);
        if (disputed == "RE-2")
            world.AddInvoice("RE-2", 120m);

        await Transcript.PlayAsync(world.Talk(world.Dispute(), transcript[0][2..]), Turn.Table(transcript));

        var invoice = (await world.Invoices.FindAsync(disputed, CancellationToken.None))!;
        Assert.Equal(words, invoice.Dispute);
        Assert.Equal(InvoiceStatus.Disputed, invoice.StatusAt(CaseWorld.Now));
        var escalation = Assert.Single(world.EscalationsFor(EscalationReason.Dispute));
        Assert.Equal(words, escalation.Detail);
        Assert.Equal([disputed], escalation.InvoiceNumbers);
        Assert.Equal("test/convo1", escalation.ConversationKey);
        Assert.All(world.Invoices.All.Where(i => i.Number != disputed), i => Assert.False(i.IsDisputed));
    }

    [Theory]
    [InlineData("de", "Ich habe meinen Job verloren und kann gerade nicht zahlen", "keine Sorgen", "bis heute, 13 Uhr bei Ihnen")]
    [InlineData("en", "I lost my job and cannot pay right now", "Please don't worry", "by today, 1 pm")]
    public async Task Hardship_pauses_everything_escalates_as_priority_and_promises_a_person(string language, string message, string empathy, string when)
    {
        var world = new CaseWorld(language);
        world.AddInvoice("RE-1", 480m);
        world.AddInvoice("RE-2", 120m);

        await Transcript.PlayAsync(world.Talk(world.Hardship(), message), new Turn(message).Contains(empathy, when, "!Mahn", "!must", "!Inkasso"));

        Assert.All([world.StoredInvoice("RE-1"), world.StoredInvoice("RE-2")], i => Assert.Equal(InvoiceStatus.Paused, i.StatusAt(CaseWorld.Now.AddDays(13))));
        var escalation = Assert.Single(world.EscalationsFor(EscalationReason.Hardship));
        Assert.Equal(EscalationPriority.High, escalation.Priority);
        Assert.Equal(message, escalation.Detail);
        Assert.Contains(world.Case.History, a => a.Kind == CaseActionKinds.Hardship);
    }
}
