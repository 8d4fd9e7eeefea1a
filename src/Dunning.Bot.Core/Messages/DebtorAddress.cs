using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Messages;

/// <summary>
/// How the chat addresses a debtor after "Guten Tag" / "Hello": the contact person with their salutation
/// ("Frau Weber"), a consumer by name ("Eric Example", "Herr Braun"), and nobody by the firm's name — a business
/// without a contact person is greeted without a name. Rendered from <c>common.address</c> so the owner words it.
/// </summary>
public static class DebtorAddress
{
    public const string Dialog = "common";
    public const string Key = "address";

    /// <summary>The address form of <paramref name="debtor"/> in <paramref name="language"/>; empty for a business without a contact person.</summary>
    public static string For(MessageCatalogue catalogue, Debtor debtor, string language)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(debtor);
        return catalogue.Render(Dialog, Key, language, new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["title"] = debtor.Salutation?.Trim() ?? "",
            ["person"] = debtor.ContactPerson?.Trim() ?? "",
            ["name"] = debtor.Name.Trim(),
            ["business"] = debtor.Kind == DebtorKind.Business,
        }).Trim();
    }
}
