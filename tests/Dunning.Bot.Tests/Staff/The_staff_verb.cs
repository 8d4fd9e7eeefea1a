using Dunning.Bot.Cli;
using Dunning.Bot.Staff;
using Dunning.Bot.Staff.Accounts;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Staff;

/// <summary><c>staff add</c> against a real LiteDB file given by a configuration file.</summary>
public sealed class The_staff_verb : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dunning-staff-verb-").FullName;
    private readonly string config;

    public The_staff_verb()
    {
        config = Path.Combine(folder, "settings.json");
        File.WriteAllText(config, $$"""{ "Storage": { "Path": "{{Path.Combine(folder, "d.db").Replace("\\", "\\\\", StringComparison.Ordinal)}}" } }""");
    }

    [Fact]
    public async Task Without_a_password_it_prints_a_generated_one_that_signs_in()
    {
        var (code, output, _) = await RunAsync(null, "add", "--user", "Anna", "--role", "owner", "--config", config);

        Assert.Equal(0, code);
        var password = output.Split('\n').Single(l => l.StartsWith("Password", StringComparison.Ordinal)).Split(": ")[1].Trim();
        Assert.Equal(20, password.Length);
        var outcome = await SignInAsync("anna", password);
        Assert.Equal((SignInVerdict.Success, StaffRole.Owner), (outcome.Result, outcome.Account!.Role));
    }

    [Fact]
    public async Task A_password_from_stdin_is_used_and_a_taken_name_is_refused()
    {
        var (code, output, _) = await RunAsync("a long enough secret\n", "add", "--user", "sam", "--role", "staff", "--password-stdin", "--config", config);
        var (again, _, error) = await RunAsync("another long secret\n", "add", "--user", "SAM", "--role", "owner", "--password-stdin", "--config", config);

        Assert.Equal(0, code);
        Assert.DoesNotContain("Password", output, StringComparison.Ordinal);
        Assert.Equal(SignInVerdict.Success, (await SignInAsync("sam", "a long enough secret")).Result);
        Assert.Equal(1, again);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short\n", "add", "--user", "x", "--role", "staff", "--password-stdin")]
    [InlineData(null, "add", "--user", "bad name!", "--role", "staff")]
    public async Task A_short_password_or_a_bad_name_is_refused(string? stdin, params string[] args)
    {
        var (code, _, error) = await RunAsync(stdin, [.. args, "--config", config]);

        Assert.Equal(1, code);
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("remove", "--user", "x")]
    [InlineData("add", "--role", "owner")]
    [InlineData("add", "--user", "x", "--role", "admin")]
    [InlineData("add", "--user", "x", "--role", "staff", "--bogus")]
    public async Task Wrong_usage_exits_with_2(params string[] args)
    {
        var (code, _, error) = await RunAsync(null, args);

        Assert.Equal(2, code);
        Assert.Contains("usage: staff add", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string? stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new StaffVerb(new StringReader(stdin ?? "")).RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<SignInOutcome> SignInAsync(string user, string password)
    {
        using var context = new LiteDbContext(new StorageOptions { Path = Path.Combine(folder, "d.db") });
        var accounts = new StaffAccounts(new LiteStaffAccountStore(context), Options.Create(new StaffOptions()), new FakeTimeProvider());
        return await accounts.SignInAsync(user, password, CancellationToken.None);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
