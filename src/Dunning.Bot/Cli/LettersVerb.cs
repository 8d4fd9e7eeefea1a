using System.CommandLine;
using Dunning.Bot.Channels.Email;
using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Hosting;
using Dunning.Bot.Letters;
using Dunning.Bot.Staff.CaseFiles;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.PostgreSql;

namespace Dunning.Bot.Cli;

/// <summary>
/// <c>letters [--new | --all | --debtor ID] [--out FILE.pdf | --folder DIR] [--letter-language de|en] [--dry-run]
/// [--lang de|en] [--config file]</c>: prints first-contact letters (access code, chat QR codes, GiroCode) as one PDF or
/// one PDF per debtor. <c>--new</c> (the default) takes the debtors with open invoices who had no letter yet, and each
/// printed debtor is noted in their case history unless <c>--dry-run</c>. Exit codes: 0 written (or nobody new),
/// 1 unknown debtor or no font, 2 usage.
/// </summary>
internal sealed class LettersVerb : ICliVerb
{
    public string Name => "letters";

    public string Summary => "print first-contact letters (PDF) with access code, chat QR codes and GiroCode";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!CliText.TryTake(Name, ref args, error, out var text))
            return 2;
        if (Parse(args, text, error) is not { } request)
            return 2;
        var configArgs = VerbLine.ConfigArguments(request.ConfigFile);
        if (request.ConfigFile is not null && !File.Exists(request.ConfigFile))
            return Usage(error, text, text.Say("no_config", new() { ["verb"] = Name, ["file"] = request.ConfigFile }));
        var configuration = DunningConfiguration.ForVerb(configArgs);
        var telegram = configuration.GetSection(TelegramOptions.SectionName).Get<TelegramOptions>() ?? new TelegramOptions();
        var username = await LinksVerb.TelegramUsernameAsync(Name, telegram, text, error, cancellationToken);
        await using var app = Build(configArgs, username);
        var services = app.Services;
        var letters = services.GetRequiredService<FirstContactLetters>();

        IReadOnlyList<Debtor> debtors;
        if (request.DebtorId is { } id)
        {
            if (await services.GetRequiredService<IDebtorStore>().FindAsync(id, cancellationToken) is not { } one)
            {
                error.WriteLine(text.Say("letters_unknown_debtor", new() { ["id"] = id }));
                return 1;
            }
            debtors = [one];
        }
        else
        {
            debtors = request.All
                ? [.. (await services.GetRequiredService<IDebtorStore>().ListAsync(cancellationToken)).OrderBy(d => d.Id, StringComparer.Ordinal)]
                : await letters.NewDebtorsAsync(cancellationToken);
        }
        if (debtors.Count == 0)
        {
            output.WriteLine(text.Say("letters_none"));
            return 0;
        }
        var built = await letters.BuildAsync(debtors, request.LetterLanguage, cancellationToken);
        try
        {
            Write(services.GetRequiredService<LetterPdf>(), built, request, text, output);
        }
        catch (CaseFileFontMissingException ex)
        {
            error.WriteLine(text.Say("font_missing", new() { ["message"] = ex.Message }));
            return 1;
        }
        if (request.DryRun)
        {
            output.WriteLine(text.Say("letters_dry_run"));
            return 0;
        }
        foreach (var letter in built)
            await letters.MarkPrintedAsync(letter, "cli", cancellationToken);
        output.WriteLine(text.Say("letters_marked", new() { ["count"] = built.Count }));
        return 0;
    }

    private static void Write(LetterPdf pdf, IReadOnlyList<FirstContactLetter> letters, LettersRequest request, CliText text, TextWriter output)
    {
        if (request.Folder is { } folder)
        {
            Directory.CreateDirectory(folder);
            foreach (var letter in letters)
                File.WriteAllBytes(Path.Combine(folder, LetterFiles.Name(letter.Debtor.Id)), pdf.Render(letter));
            output.WriteLine(text.Say("letters_written_folder", new() { ["count"] = letters.Count, ["folder"] = Path.GetFullPath(folder) }));
            return;
        }
        var file = Path.GetFullPath(request.OutFile ?? "letters.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, pdf.Render(letters));
        output.WriteLine(text.Say("letters_written_file", new() { ["count"] = letters.Count, ["file"] = file }));
    }

    private LettersRequest? Parse(string[] args, CliText text, TextWriter error)
    {
        var newOnes = new Option<bool>("--new") { Arity = ArgumentArity.Zero };
        var all = new Option<bool>("--all") { Arity = ArgumentArity.Zero };
        var debtor = new Option<string?>("--debtor") { HelpName = "ID" };
        var outFile = new Option<string?>("--out") { HelpName = "FILE.pdf" };
        var folder = new Option<string?>("--folder") { HelpName = "DIR" };
        var language = new Option<string?>("--letter-language");
        language.AcceptOnlyFromAmong([.. Debtor.Languages]);
        var dryRun = VerbLine.DryRun();
        var config = VerbLine.ConfigFile();
        if (VerbLine.Parse(new Command(Name) { newOnes, all, debtor, outFile, folder, language, dryRun, config }, args, error, text, "letters_usage") is not { } line)
            return null;
        var request = new LettersRequest
        {
            All = line.GetValue(all), DebtorId = line.GetValue(debtor), OutFile = line.GetValue(outFile), Folder = line.GetValue(folder),
            LetterLanguage = line.GetValue(language), DryRun = line.GetValue(dryRun), ConfigFile = line.GetValue(config),
        };
        var selections = new[] { line.GetValue(newOnes), request.All, request.DebtorId is not null }.Count(s => s);
        if (selections > 1 || (request.OutFile is not null && request.Folder is not null))
        {
            var clash = args.Where(a => selections > 1 ? a is "--new" or "--all" or "--debtor" : a is "--out" or "--folder");
            Usage(error, text, text.Say("unexpected_argument", new() { ["verb"] = Name, ["argument"] = string.Join(" ", clash) }));
            return null;
        }
        return request;
    }

    /// <summary>The host's registrations the letters need, without starting it (no web server, no schedule, no channels).</summary>
    private static WebApplication Build(string[] configArgs, string? telegramUsername)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = DunningConfiguration.EnvironmentName,
        });
        DunningConfiguration.AddConfigFile(builder.Configuration, configArgs);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scheduling:Enabled"] = "false",
            ["Bot:SeedDemoData"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddDunningServices();
        builder.AddDunningHost();
        builder.AddDunningConversations();
        builder.AddLetters();
        builder.AddPostgreSqlStorageWhenChosen();
        if (telegramUsername is not null)
            builder.Services.AddSingleton(new TelegramBotIdentity(telegramUsername, 0));
        return builder.Build();
    }

    private static int Usage(TextWriter error, CliText text, string problem)
    {
        error.WriteLine(problem);
        error.WriteLine(text.Say("letters_usage"));
        return 2;
    }

    private sealed record LettersRequest
    {
        public bool All { get; init; }

        public string? DebtorId { get; init; }

        public string? OutFile { get; init; }

        public string? Folder { get; init; }

        public string? LetterLanguage { get; init; }

        public bool DryRun { get; init; }

        public string? ConfigFile { get; init; }
    }
}
