namespace Dunning.Bot.Core.Understanding;

/// <summary>Options of message understanding, bound from the <c>Understanding</c> section.</summary>
public sealed class UnderstandingOptions
{
    public const string SectionName = "Understanding";

    /// <summary>Folder with <c>understanding.&lt;lang&gt;.yaml</c>; relative paths start at the app's folder.</summary>
    public string DialogsPath { get; set; } = "dialogs";

    /// <summary>
    /// Folder where the trained intent model is kept between starts (keyed by training data and build, so it is never
    /// stale); empty: a folder in the system's temporary directory. Saves the training time (a few hundred ms) at start-up.
    /// </summary>
    public string ModelCacheDirectory { get; set; } = "";

    /// <summary>The optional language model; off by default and never required.</summary>
    public ModelOptions Model { get; set; } = new();
}

/// <summary>An OpenAI-compatible chat endpoint (for example a local Ollama) asked for intent and entities.</summary>
public sealed class ModelOptions
{
    /// <summary>False (the default): only the offline rule-based recognizer runs.</summary>
    public bool Enabled { get; set; }

    /// <summary>Base address of the OpenAI-compatible API.</summary>
    public Uri Endpoint { get; set; } = new("http://localhost:11434/v1");

    /// <summary>Model name, e.g. <c>llama3.2</c>.</summary>
    public string Name { get; set; } = "llama3.2";

    /// <summary>How long one answer may take before the rule-based result is used instead.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>API key sent as a bearer token, if the endpoint wants one (a local Ollama does not). A secret: never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Masks <see cref="ApiKey"/> so the options can be logged or shown safely.</summary>
    public override string ToString() =>
        $"Enabled={Enabled}, Endpoint={Endpoint}, Name={Name}, Timeout={Timeout}, ApiKey={(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")}";
}
