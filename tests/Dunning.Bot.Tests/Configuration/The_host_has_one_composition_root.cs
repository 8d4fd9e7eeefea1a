using System.Text.RegularExpressions;
using Dunning.Bot.Channels;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Tests.Channels.Email;
using Dunning.Bot.Tests.Fakes.Telegram;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Tests.Configuration;

/// <summary>
/// Program.cs is a table of contents and every service is registered once, in the file of its area: no TryAdd fallback
/// hides a missing registration, and a second registration cannot silently win or bind options twice.
/// </summary>
public sealed partial class The_host_has_one_composition_root
{
    /// <summary>Service types registered once per part on purpose: the lists the host reads as a whole.</summary>
    private static readonly Type[] Lists = [typeof(IHostedService), typeof(IProactiveChannel), typeof(IntentDialog)];

    private static string Source => Path.Combine(MailServer.RepositoryRoot(), "src");

    [Fact]
    public void The_default_host_registers_each_of_its_services_once()
    {
        List<ServiceDescriptor> registered = [];
        using (var host = new BotHost(services: s => registered.AddRange(s)))
            _ = host.Services;

        AssertOnce(registered);
    }

    [Fact]
    public async Task With_every_channel_on_each_service_is_still_registered_once()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        List<ServiceDescriptor> registered = [];
        using (var host = new BotHost(new()
        {
            ["Telegram:Token"] = telegram.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl.ToString(),
            ["Telegram:PollingTimeout"] = "00:00:01",
            ["Teams:AppId"] = "9f7d3a2e-0000-4000-8000-00000000a1b2",
            ["Teams:TenantId"] = "11111111-1111-1111-1111-111111111111",
            ["Teams:AppPassword"] = "app password",
            ["Email:Enabled"] = "true",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:From"] = "Muster Handwerk <rechnung@muster-handwerk.test>",
            ["Email:OwnerAlerts:To"] = "owner@muster-handwerk.test",
        }, services: s => registered.AddRange(s)))
        {
            _ = host.Services;
        }

        AssertOnce(registered);
        Assert.Contains(registered, d => d.ServiceType == typeof(Dunning.Bot.Channels.Email.EmailChannel));
    }

    [Fact]
    public void No_source_registers_a_service_with_a_TryAdd_fallback()
    {
        var offending = SourceFiles().Where(f => TryAdd().IsMatch(File.ReadAllText(f))).Select(f => Path.GetRelativePath(Source, f)).ToList();

        Assert.True(offending.Count == 0, "TryAdd registrations in: " + string.Join(", ", offending));
    }

    [Fact]
    public void Program_is_a_table_of_contents_of_fewer_than_40_Add_and_Map_lines()
    {
        var lines = File.ReadAllLines(Path.Combine(Source, "Dunning.Bot", "Program.cs"));

        Assert.InRange(lines.Count(l => AreaCall().IsMatch(l)), 10, 39);
        // Every area is added through the builder: none takes the service collection and the configuration apart.
        Assert.DoesNotContain(lines, l => l.Contains("builder.Services.Add", StringComparison.Ordinal));
    }

    [Fact]
    public void Mapping_health_installs_no_exception_handler()
    {
        var host = File.ReadAllText(Path.Combine(Source, "Dunning.Bot", "Hosting", "HostExtensions.cs"));
        var mapHealth = host[host.IndexOf("MapHealth(", StringComparison.Ordinal)..];

        Assert.DoesNotContain("UseExceptionHandler", mapHealth[..mapHealth.IndexOf("return app;", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    private static void AssertOnce(List<ServiceDescriptor> registered)
    {
        var twice = registered
            .Where(d => Ours(d.ServiceType) && !Lists.Contains(d.ServiceType) && !IsInlineCheck(d))
            .GroupBy(d => (d.ServiceType, Implementation: OptionsImplementation(d)))
            .Where(g => g.Count() > 1)
            .Select(g => $"{Name(g.Key.ServiceType)} ×{g.Count()}")
            .ToList();

        Assert.True(twice.Count == 0, "Registered more than once: " + string.Join(", ", twice));
    }

    /// <summary>Our own types, the clock, and the options plumbing for our options (a section bound twice, a validator added twice).</summary>
    private static bool Ours(Type type) =>
        type == typeof(TimeProvider)
        || type.Namespace?.StartsWith("Dunning.Bot", StringComparison.Ordinal) == true
        || (type.IsGenericType && type.GetGenericTypeDefinition() is var open
            && (open == typeof(IConfigureOptions<>) || open == typeof(IValidateOptions<>))
            && Ours(type.GetGenericArguments()[0]));

    /// <summary>An options check written in place (<c>.Validate(o => …, "why")</c>, data annotations): several per options type are several rules.</summary>
    private static bool IsInlineCheck(ServiceDescriptor d) =>
        d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidateOptions<>)
        && Implementation(d)?.Namespace?.StartsWith("Microsoft.Extensions.Options", StringComparison.Ordinal) == true;

    /// <summary>Options registrations differ by what they do (bind a section, configure, validate); the same one twice is the duplicate.</summary>
    private static Type? OptionsImplementation(ServiceDescriptor d) =>
        d.ServiceType.IsGenericType && d.ServiceType.Namespace == typeof(IConfigureOptions<>).Namespace ? Implementation(d) ?? typeof(Delegate) : null;

    private static Type? Implementation(ServiceDescriptor d) => d.ImplementationType ?? d.ImplementationInstance?.GetType();

    private static string Name(Type type) =>
        type.IsGenericType ? $"{type.Name}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>" : type.Name;

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"\bTryAdd(Keyed)?(Singleton|Scoped|Transient|Enumerable)\b|\.TryAdd\(\s*ServiceDescriptor")]
    private static partial Regex TryAdd();

    [GeneratedRegex(@"^\s*(builder|app)\.(Add|Map|Use|Open)\w*\(")]
    private static partial Regex AreaCall();
}
