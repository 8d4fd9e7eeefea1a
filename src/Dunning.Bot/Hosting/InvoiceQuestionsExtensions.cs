using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Dialogs.Invoices;
using Dunning.Bot.Core.Payments;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Hosting;

/// <summary>
/// The invoice questions (balance, due date, details, copy, payment details with GiroCode, consequences) as
/// IntentDialogs for MainDialog, and the owner's bank account (section <c>Payee</c>, checked at start-up).
/// </summary>
public static class InvoiceQuestionsExtensions
{
    public static IHostApplicationBuilder AddInvoiceQuestions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PayeeOptions>().BindConfiguration(PayeeOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PayeeOptions>, PayeeOptionsValidator>();
        services.AddSingleton<IntentDialog, InvoiceBalanceDialog>();
        services.AddSingleton<IntentDialog, InvoiceDueDateDialog>();
        services.AddSingleton<IntentDialog, InvoiceDetailsDialog>();
        services.AddSingleton<IntentDialog, InvoiceCopyDialog>();
        services.AddSingleton<IntentDialog, PaymentDetailsDialog>();
        services.AddSingleton<IntentDialog, ConsequencesDialog>();
        return builder;
    }
}
