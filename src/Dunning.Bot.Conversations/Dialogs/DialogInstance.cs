namespace Dunning.Bot.Conversations.Dialogs;

/// <summary>
/// One entry of the dialog stack: the dialog's id and its persisted state. State values are stored as
/// JSON; after a reload they come back as <see cref="System.Text.Json.JsonElement"/> until read with
/// <see cref="StateValues.GetValue{T}"/>, which converts them and keeps the typed value.
/// </summary>
public sealed class DialogInstance
{
    public string Id { get; set; } = string.Empty;

    public IDictionary<string, object?> State { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}
