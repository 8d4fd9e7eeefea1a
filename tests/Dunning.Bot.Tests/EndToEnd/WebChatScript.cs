using Xunit.Abstractions;

namespace Dunning.Bot.Tests.EndToEnd;

/// <summary>What a debtor types and the beginnings of what the bot must answer, in one language (from dialogs/*.yaml).</summary>
public sealed record WebChatScript : IXunitSerializable
{
    public static readonly WebChatScript German = new()
    {
        Language = "de", Locale = "de-DE", Name = "Erika Mustermann",
        Greeting = "Guten Tag, Erika Mustermann! Schön, dass Sie sich melden.",
        OpenTotal = "1.200,00 €",
        BalanceQuestion = "Wie viel muss ich noch zahlen?",
        PaymentQuestion = "Wie ist Ihre Bankverbindung?",
        InstalmentRequest = "Kann ich in 12 Raten zahlen?",
        TooManyInstalments = "Ich kann selbst höchstens 6 Raten vereinbaren.",
        SixInstalments = "6 Raten zu {0} ab 30.11.2026",
        Confirm = "Soll ich das so festhalten?",
        Yes = "Ja",
        Agreed = "Einverstanden, ich habe die Vereinbarung zur Rechnung RE-2026-100 festgehalten.",
        Dispute = "Die Rechnung ist falsch, die Arbeiten wurden nie ausgeführt.",
        DisputePassedOn = "Vielen Dank für Ihre Erklärung. Ich habe alle Erinnerungen zur Rechnung RE-2026-100 gestoppt",
        OptOut = "Bitte schicken Sie mir keine Erinnerungen mehr.",
        OptedOut = "Verstanden – ich schicke Ihnen in diesem Chat keine Erinnerungen mehr. Sie können mir trotzdem jederzeit schreiben, und ich antworte Ihnen gern. Ihre offenen Rechnungen bleiben davon unberührt; dazu melden wir uns gegebenenfalls auf anderem Weg, etwa per Post.",
        WrongCode = "Dieser Code passt leider nicht.",
        CoolDown = "Zu Ihrer Sicherheit prüfe ich nach mehreren falschen Versuchen 15 Minuten lang keinen Code.",
    };

    public static readonly WebChatScript English = new()
    {
        Language = "en", Locale = "en-GB", Name = "Eric Example",
        Greeting = "Hello Eric Example, thank you for getting in touch.",
        OpenTotal = "€1,200.00",
        BalanceQuestion = "How much do I still owe?",
        PaymentQuestion = "What are your bank details?",
        InstalmentRequest = "Can I pay in 12 instalments?",
        TooManyInstalments = "I can agree to at most 6 instalments myself.",
        SixInstalments = "6 instalments of {0} from 30 November 2026",
        Confirm = "Shall I record it like that?",
        Yes = "Yes",
        Agreed = "Agreed for invoice RE-2026-100.",
        Dispute = "The invoice is wrong, the work was never done.",
        DisputePassedOn = "Thank you for explaining. I have stopped all reminders for invoice RE-2026-100",
        OptOut = "Please stop sending me reminders.",
        OptedOut = "Understood – I will not send you any more reminders in this chat. You can still write to me at any time and I will be glad to answer. Your open invoices are not affected by this; if needed we will contact you in another way, for example by post.",
        WrongCode = "Sorry, that code does not match.",
        CoolDown = "For your security I do not check any code for 15 minutes after several wrong attempts.",
    };

    public string Language { get; private set; } = "";
    public string Locale { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Greeting { get; private set; } = "";
    public string OpenTotal { get; private set; } = "";
    public string BalanceQuestion { get; private set; } = "";
    public string PaymentQuestion { get; private set; } = "";
    public string InstalmentRequest { get; private set; } = "";
    public string TooManyInstalments { get; private set; } = "";
    public string SixInstalments { get; private set; } = "";
    public string Confirm { get; private set; } = "";
    public string Yes { get; private set; } = "";
    public string Agreed { get; private set; } = "";
    public string Dispute { get; private set; } = "";
    public string DisputePassedOn { get; private set; } = "";
    public string OptOut { get; private set; } = "";
    public string OptedOut { get; private set; } = "";
    public string WrongCode { get; private set; } = "";
    public string CoolDown { get; private set; } = "";

    public void Deserialize(IXunitSerializationInfo info) => Copy(info.GetValue<string>(nameof(Language)) == "de" ? German : English);

    public void Serialize(IXunitSerializationInfo info) => info.AddValue(nameof(Language), Language);

    public override string ToString() => Language;

    private void Copy(WebChatScript from)
    {
        foreach (var property in typeof(WebChatScript).GetProperties())
            property.SetValue(this, property.GetValue(from));
    }
}
