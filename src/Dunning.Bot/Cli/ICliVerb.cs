namespace Dunning.Bot.Cli;

/// <summary>A command-line verb (<c>dotnet run --project src/Dunning.Bot -- &lt;verb&gt; …</c>).</summary>
internal interface ICliVerb
{
    /// <summary>The verb as typed on the command line, e.g. <c>import</c>.</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Summary { get; }

    /// <summary>Runs the verb with the arguments after the verb; returns the process exit code.</summary>
    Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}
