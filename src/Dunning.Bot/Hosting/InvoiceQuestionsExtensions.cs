using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Dialogs.Invoices;
using Dunning.Bot.Core.Payments;
using Dunning.Bot.Core.Statements;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Hosting;

/// <summary>
/// The invoice questions (balance, due date, details, copy, payment details with GiroCode, consequences) as
/// IntentDialogs for MainDialog, and the owner's bank account (section <c>Payee</c>, checked at start-up).
/// Needs the stores, DunningLadder, StatutoryInterest, Wording and TimeProvider registered elsewhere.
/// </summary>
public static class InvoiceQuestionsExtensions
{
    public static IServiceCollection AddInvoiceQuestions(this IServiceCollection services)
    {
        services.AddOptions<PayeeOptions>().BindConfiguration(PayeeOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PayeeOptions>, PayeeOptionsValidator>());
        services.TryAddSingleton<InvoiceStatements>();
        services.AddSingleton<IntentDialog, InvoiceBalanceDialog>();
        services.AddSingleton<IntentDialog, InvoiceDueDateDialog>();
        services.AddSingleton<IntentDialog, InvoiceDetailsDialog>();
        services.AddSingleton<IntentDialog, InvoiceCopyDialog>();
        services.AddSingleton<IntentDialog, PaymentDetailsDialog>();
        services.AddSingleton<IntentDialog, ConsequencesDialog>();
        return services;
    }
}
