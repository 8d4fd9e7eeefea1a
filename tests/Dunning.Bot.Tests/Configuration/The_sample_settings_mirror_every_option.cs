using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Configuration;

/// <summary>
/// appsettings.sample.json mirrors every option with its default: each options class (a type with a
/// <c>SectionName</c> constant) bound from the sample equals a default instance, and every settable
/// property appears in the sample.
/// </summary>
public sealed class The_sample_settings_mirror_every_option
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OnlyConfigurableProperties } },
    };

    public static TheoryData<string> OptionTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in Sections().Keys)
            data.Add(type.FullName!);
        return data;
    }

    [Theory]
    [MemberData(nameof(OptionTypes))]
    public void Binding_the_sample_gives_the_defaults(string typeName)
    {
        var (type, section) = Sections().Single(s => s.Key.FullName == typeName) is var s ? (s.Key, s.Value) : default;
        var bound = Activator.CreateInstance(type)!;
        Sample().GetSection(section).Bind(bound);

        var expected = JsonSerializer.Serialize(Activator.CreateInstance(type), type, Json);
        Assert.Equal(expected, JsonSerializer.Serialize(bound, type, Json));
    }

    [Theory]
    [MemberData(nameof(OptionTypes))]
    public void Every_option_is_listed_in_the_sample(string typeName)
    {
        var (type, section) = Sections().Single(s => s.Key.FullName == typeName) is var s ? (s.Key, s.Value) : default;
        var defaults = JsonSerializer.SerializeToNode(Activator.CreateInstance(type), type, Json)!.AsObject();
        var sample = SampleJson();
        foreach (var part in section.Split(':'))
            sample = sample?[part]?.AsObject();
        Assert.True(sample is not null, $"appsettings.sample.json has no section '{section}' for {type.Name}.");
        var missing = defaults.Select(p => p.Key).Where(key => !sample!.ContainsKey(key)).ToList();
        Assert.True(missing.Count == 0, $"'{section}' in appsettings.sample.json lacks: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task The_host_starts_with_the_sample_settings()
    {
        var settings = Sample().AsEnumerable().Where(kv => kv.Value is not null && kv.Key != "Storage:Path")
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        using var host = new Infrastructure.BotHost(settings);
        using var client = host.CreateHttpClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
    }

    [Fact]
    public void Options_configured_in_the_host_are_bound_once()
    {
        using var host = new Infrastructure.BotHost(new()
        {
            ["Dunning:Ladder:Stages:0:Key"] = "reminder.friendly",
            ["Dunning:Ladder:Stages:0:OffsetDays"] = "5",
            ["Dunning:Ladder:Stages:0:NewDeadlineDays"] = "10",
            ["Dunning:Negotiation:DiscountStages:0"] = "reminder.friendly",
            ["Scheduling:Enabled"] = "false",
        });
        var services = host.Services;
        Assert.Single(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.Policies.DunningLadderOptions>>().Value.Stages);
        Assert.Single(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.Policies.NegotiationLimitsOptions>>().Value.DiscountStages);
    }

    [Fact]
    public void The_options_classes_are_found()
    {
        Assert.Contains(Sections(), s => s.Value == "Storage");
        Assert.Contains(Sections(), s => s.Value == "Dunning:Ladder");
    }

    private static Dictionary<Type, string> Sections() =>
        new[] { typeof(Hosting.BotOptions).Assembly, typeof(Core.Domain.Money).Assembly }
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(t => t.Field is { IsLiteral: true } && t.Type.GetConstructor(Type.EmptyTypes) is not null)
            .ToDictionary(t => t.Type, t => (string)t.Field!.GetValue(null)!);

    private static IConfiguration Sample() => new ConfigurationBuilder().AddJsonFile(SamplePath(), optional: false).Build();

    private static JsonObject SampleJson() =>
        JsonNode.Parse(File.ReadAllText(SamplePath()), documentOptions: new() { CommentHandling = JsonCommentHandling.Skip })!.AsObject();

    private static string SamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dunning.Bot.sln")))
                return Path.Combine(dir.FullName, "appsettings.sample.json");
        }
        throw new InvalidOperationException("Repository root (Dunning.Bot.sln) not found.");
    }

    // Configuration can set only writable properties of bindable types; a Type (Messages:ModelTypes) is code-only.
    private static void OnlyConfigurableProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
            return;
        foreach (var property in info.Properties.ToList())
        {
            if (property.Set is null || property.PropertyType == typeof(Type)
                || property.PropertyType.GetGenericArguments().Contains(typeof(Type)))
                info.Properties.Remove(property);
        }
    }
}
