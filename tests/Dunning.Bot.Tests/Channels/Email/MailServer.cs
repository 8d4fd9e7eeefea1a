using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace Dunning.Bot.Tests.Channels.Email;

/// <summary>
/// A real mail server process for the e-mail tests: the smtp4dev dotnet tool (SMTP and IMAP, messages in memory) on
/// free loopback ports, started once per test class and stopped afterwards. It is installed into <c>.tools/</c> at the
/// repository root by <c>.ci/run</c> (or by hand: <see cref="InstallCommand"/>). Without it the tests are skipped outside
/// CI (see <see cref="MailServerFactAttribute"/>) and fail in CI.
/// </summary>
public sealed class MailServer : IAsyncLifetime
{
    public const string InstallCommand = "dotnet tool install --tool-path .tools Rnwood.Smtp4dev --version 3.15.0";

    private Process? process;
    private readonly string data = Directory.CreateTempSubdirectory("smtp4dev-").FullName;

    public int SmtpPort { get; private set; }

    public int ImapPort { get; private set; }

    public static string Executable => Path.Combine(RepositoryRoot(), ".tools", "smtp4dev");

    public static bool IsInstalled => File.Exists(Executable);

    public async Task InitializeAsync()
    {
        // Outside CI a missing smtp4dev skips the tests that need it (MailServerFact); the class's other tests still run.
        if (!IsInstalled && Environment.GetEnvironmentVariable("CI") != "true")
            return;
        Assert.True(IsInstalled, $"{Executable} is missing; install it with: {InstallCommand}");
        // A free port is only free until someone takes it: with several classes starting servers at once, smtp4dev may lose
        // its port (or a stranger may answer on it). Ready means both ports greet as SMTP and IMAP do; else start again.
        for (var attempt = 1; ; attempt++)
        {
            Start();
            if (await GreetsAsync(TimeSpan.FromSeconds(attempt < 3 ? 30 : 90)))
                return;
            Stop();
            Assert.True(attempt < 3, $"smtp4dev did not greet on its SMTP and IMAP ports after {attempt} starts");
        }
    }

    private void Start()
    {
        SmtpPort = FreePort();
        ImapPort = FreePort();
        var web = FreePort();
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = data,
            Environment = { ["DOTNET_TieredPGO"] = "0" },
        };
        foreach (var arg in new[]
        {
            "--db=", $"--smtpport={SmtpPort}", $"--imapport={ImapPort}", "--pop3port=0", $"--urls=http://127.0.0.1:{web}",
            "--bindaddress=127.0.0.1", "--allowremoteconnections-", "--nousersettings", $"--baseappdatapath={data}",
            "--hostname=localhost", "--messagestokeep=100000", "--tlsmode=None",
        })
            start.ArgumentList.Add(arg);
        process = Process.Start(start) ?? throw new InvalidOperationException("smtp4dev did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private async Task<bool> GreetsAsync(TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < within && process is { HasExited: false })
        {
            if (await GreetingAsync(SmtpPort, "220") && await GreetingAsync(ImapPort, "* OK"))
                return true;
            await Task.Delay(200);
        }
        return false;
    }

    private void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        process?.Dispose();
        process = null;
    }

    public Task DisposeAsync()
    {
        Stop();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
        return Task.CompletedTask;
    }

    /// <summary>Settings that turn the host's e-mail channel on against this server.</summary>
    public Dictionary<string, string?> Settings(string from = "Muster Handwerk <rechnung@muster-handwerk.test>") => new()
    {
        ["Email:Enabled"] = "true",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:From"] = from,
        ["Email:Imap:Host"] = "127.0.0.1",
        ["Email:Imap:Port"] = ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Imap:Security"] = "None",
        ["Email:Imap:User"] = "test",
        ["Email:Imap:Password"] = "test",
        ["Email:Imap:PollSeconds"] = "3600",
        ["Email:MaxPerMinute"] = "0",
    };

    /// <summary>Submits a message as a debtor's mail program would.</summary>
    public async Task SendAsync(MimeMessage message)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", SmtpPort, SecureSocketOptions.None);
        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(true);
    }

    /// <summary>Submits raw bytes (malformed MIME) as they are.</summary>
    public async Task SendRawAsync(string from, string to, byte[] raw)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, SmtpPort);
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, leaveOpen: true);
        async Task<string> Say(string? line)
        {
            if (line is not null)
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(line + "\r\n"));
            string reply;
            do
                reply = await reader.ReadLineAsync() ?? "";
            while (reply.Length > 3 && reply[3] == '-');
            return reply;
        }
        await Say(null);
        await Say("EHLO test");
        await Say($"MAIL FROM:<{from}>");
        await Say($"RCPT TO:<{to}>");
        await Say("DATA");
        await stream.WriteAsync(raw);
        Assert.StartsWith("250", await Say("\r\n."));
        await Say("QUIT");
    }

    /// <summary>Every message in the mailbox (what reached the server), waiting until at least <paramref name="atLeast"/> are there.</summary>
    public async Task<IReadOnlyList<MimeMessage>> MessagesAsync(int atLeast = 0)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var imap = new ImapClient();
            await imap.ConnectAsync("127.0.0.1", ImapPort, SecureSocketOptions.None);
            await imap.AuthenticateAsync("test", "test");
            await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
            var list = new List<MimeMessage>();
            foreach (var uid in await imap.Inbox.SearchAsync(SearchQuery.All))
                list.Add(await imap.Inbox.GetMessageAsync(uid));
            await imap.DisconnectAsync(true);
            if (list.Count >= atLeast || watch.Elapsed > TimeSpan.FromSeconds(30))
                return list;
            await Task.Delay(200);
        }
    }

    /// <summary>Whether the server on <paramref name="port"/> opens with <paramref name="greeting"/> (its protocol's first line).</summary>
    private static async Task<bool> GreetingAsync(int port, string greeting)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            using var reader = new StreamReader(client.GetStream());
            var line = await reader.ReadLineAsync(timeout.Token);
            return line?.StartsWith(greeting, StringComparison.Ordinal) == true;
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dunning.Bot.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Repository root (Dunning.Bot.sln) not found.");
    }
}

/// <summary>
/// A fact that needs <see cref="MailServer"/>: skipped (with the install command) when smtp4dev is not installed — except
/// in CI (CI=true), where it runs and fails, so a missing server never passes silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MailServerFactAttribute : FactAttribute
{
    public MailServerFactAttribute()
    {
        if (!MailServer.IsInstalled && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"smtp4dev is not installed; run at the repository root: {MailServer.InstallCommand}";
    }
}
