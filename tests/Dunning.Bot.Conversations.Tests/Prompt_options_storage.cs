using System.Text;
using System.Text.Json;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.Dialogs.Prompts;

namespace Dunning.Bot.Conversations.Tests;

/// <summary>Prompt options in stored state: these pin the format and what a round trip keeps.</summary>
public class Prompt_options_storage
{
    private static string Write(PromptOptions options) =>
        JsonSerializer.Serialize(new DialogState([new DialogInstance { Id = "p", State = { ["options"] = options } }]), ActivityJson.Options);

    private static PromptOptions Read(string json)
    {
        var state = JsonSerializer.Deserialize<DialogState>(json, ActivityJson.Options)!;
        return state.DialogStack[0].State.GetValue<PromptOptions>("options")!;
    }

    private static PromptOptions RoundTrip(PromptOptions options) => Read(Write(options));

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Options_with_choices_retry_style_and_attempts_are_written_in_the_wire_format()
    {
        var options = new PromptOptions
        {
            Prompt = Activity.CreateMessage("How?"),
            RetryPrompt = new Activity { Text = "Pick one", InputHint = "expectingInput" },
            Choices = [new Choice("transfer", "bank", "Überweisung"), new Choice("card")],
            Style = ListStyle.List,
            MaxAttempts = 3,
        };

        Assert.Equal(
            """{"dialogStack":[{"id":"p","state":{"options":{"prompt":{"type":"message","text":"How?"},"retryPrompt":{"type":"message","text":"Pick one","inputHint":"expectingInput"},"choices":[{"value":"transfer","synonyms":["bank","\u00DCberweisung"]},{"value":"card"}],"style":2,"maxAttempts":3}}}]}""",
            Write(options));
    }

    [Fact]
    public void Choices_retry_prompt_style_and_attempts_survive_a_round_trip()
    {
        var action = new CardAction { Type = CardAction.PostBack, Title = "Card", Value = Json("""{"pick":"card"}""") };
        var back = RoundTrip(new PromptOptions
        {
            Prompt = Activity.CreateMessage("How do you pay?"),
            RetryPrompt = Activity.CreateMessage("Please pick one: \"1\" or \"2\""),
            Choices = [new Choice("transfer", "bank", "Überweisung"), new Choice { Value = "card", Action = action }],
            Style = ListStyle.SuggestedAction,
            MaxAttempts = 2,
        });

        Assert.Equal("How do you pay?", back.Prompt!.Text);
        Assert.Equal(ActivityTypes.Message, back.Prompt!.Type);
        Assert.Equal("Please pick one: \"1\" or \"2\"", back.RetryPrompt!.Text);
        Assert.Equal(["transfer", "card"], back.Choices!.Select(c => c.Value));
        Assert.Equal(["bank", "Überweisung"], back.Choices![0].Synonyms!);
        Assert.Null(back.Choices[1].Synonyms);
        Assert.Equal(CardAction.PostBack, back.Choices[1].Action!.Type);
        Assert.Equal("card", back.Choices[1].Action!.Value!.Value.GetProperty("pick").GetString());
        Assert.Equal(ListStyle.SuggestedAction, back.Style);
        Assert.Equal(2, back.MaxAttempts);
    }

    [Fact]
    public void Validations_come_back_as_raw_json_of_what_was_stored()
    {
        var back = RoundTrip(new PromptOptions { Prompt = Activity.CreateMessage("Amount?"), Validations = new Dictionary<string, object?> { ["min"] = 10m, ["max"] = 500, ["currency"] = "EUR" } });

        var validations = Assert.IsType<JsonElement>(back.Validations);
        Assert.Equal(10m, validations.GetProperty("min").GetDecimal());
        Assert.Equal(500, validations.GetProperty("max").GetInt32());
        Assert.Equal("EUR", validations.GetProperty("currency").GetString());
        Assert.Null(back.RetryPrompt);
        Assert.Null(back.Choices);
        Assert.Null(back.Style);
        Assert.Null(back.MaxAttempts);
    }

    [Fact]
    public void Unknown_activity_fields_and_nested_objects_of_a_stored_prompt_are_kept()
    {
        const string prompt = """{"type":"message","timestamp":"2030-01-02T03:04:05.123Z","from":{"id":"bot","name":"Bot","x":1},"text":"Hi","suggestedActions":{"actions":[{"type":"imBack","title":"A","value":"A"}]},"channelData":{"notification":{"alert":true}},"futureField":{"nested":[1,2,3]},"another":"x"}""";
        var json = """{"dialogStack":[{"id":"p","state":{"options":{"prompt":""" + prompt + ""","maxAttempts":1}}}]}""";

        var options = Read(json);

        Assert.Equal("Hi", options.Prompt!.Text);
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 4, 5, 123, TimeSpan.Zero), options.Prompt.Timestamp);
        Assert.Equal("Bot", options.Prompt.From!.Name);
        Assert.Equal("A", options.Prompt.SuggestedActions!.Actions[0].Title);
        Assert.True(options.Prompt.ChannelData!.Value.GetProperty("notification").GetProperty("alert").GetBoolean());
        Assert.Equal([1, 2, 3], options.Prompt.AdditionalProperties!["futureField"].GetProperty("nested").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(json, Write(options));
        Assert.Equal(ActivityJson.Serialize(options.Prompt), JsonSerializer.Serialize(Json(prompt)));
    }

    [Fact]
    public void A_prompt_activity_is_written_exactly_as_the_serializer_writes_it()
    {
        var activity = ActivityJson.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "teams-message.json")));
        var options = new PromptOptions { Prompt = activity };

        var written = Write(options);

        var stored = JsonDocument.Parse(written).RootElement.GetProperty("dialogStack")[0].GetProperty("state").GetProperty("options").GetProperty("prompt");
        Assert.Equal(ActivityJson.Serialize(activity), stored.GetRawText());
        Assert.Equal(written, Write(Read(written)));
    }

    [Fact]
    public void Property_names_are_case_sensitive_like_the_serializer()
    {
        var options = Read("""{"dialogStack":[{"id":"p","state":{"options":{"prompt":{"Text":"upper","text":"lower"},"MaxAttempts":5}}}]}""");

        Assert.Equal("lower", options.Prompt!.Text);
        Assert.Equal("upper", options.Prompt.AdditionalProperties!["Text"].GetString());
        Assert.Null(options.MaxAttempts);
    }

    [Fact]
    public void Json_nulls_read_as_missing_values()
    {
        var options = Read("""{"dialogStack":[{"id":"p","state":{"options":{"prompt":null,"retryPrompt":{"text":null},"choices":null,"style":null,"validations":null,"maxAttempts":null}}}]}""");

        Assert.Null(options.Prompt);
        Assert.Null(options.RetryPrompt!.Text);
        Assert.Null(options.Choices);
        Assert.Null(options.Style);
        Assert.Null(options.Validations);
        Assert.Null(options.MaxAttempts);
    }

    [Theory]
    [InlineData("""{"prompt":"text"}""")]
    [InlineData("""{"prompt":{"text":42}}""")]
    [InlineData("""{"prompt":{"type":{"a":1}}}""")]
    [InlineData("""{"choices":{"value":"a"}}""")]
    [InlineData("""{"choices":["a"]}""")]
    [InlineData("""{"choices":[{"value":1}]}""")]
    [InlineData("""{"choices":[{"value":"a","synonyms":"b"}]}""")]
    [InlineData("""{"choices":[{"value":"a","synonyms":[1]}]}""")]
    [InlineData("""{"maxAttempts":"3"}""")]
    [InlineData("""{"maxAttempts":3.5}""")]
    [InlineData("""{"maxAttempts":99999999999}""")]
    [InlineData("""{"style":"list"}""")]
    [InlineData("""{"prompt":{"from":"bot"}}""")]
    [InlineData("""[]""")]
    public void Malformed_stored_options_throw_a_json_exception(string options)
    {
        var json = """{"dialogStack":[{"id":"p","state":{"options":""" + options + "}}]}";

        Assert.ThrowsAny<JsonException>(() => Read(json));
    }

    [Fact]
    public void Options_nested_in_other_objects_use_the_same_format()
    {
        var options = new PromptOptions { Prompt = Activity.CreateMessage("Q"), MaxAttempts = 2 };

        var json = JsonSerializer.Serialize(new Dictionary<string, PromptOptions> { ["a"] = options }, ActivityJson.Options);
        var back = JsonSerializer.Deserialize<Dictionary<string, PromptOptions>>(json, ActivityJson.Options)!["a"];

        Assert.Equal("""{"a":{"prompt":{"type":"message","text":"Q"},"maxAttempts":2}}""", json);
        Assert.Equal("Q", back.Prompt!.Text);
        Assert.Equal(2, back.MaxAttempts);
    }

    [Fact]
    public void A_long_hostile_prompt_text_round_trips_unchanged()
    {
        var text = new StringBuilder().Insert(0, "\"<script>\\u0000\u2028😀", 5_000).ToString();

        Assert.Equal(text, RoundTrip(new PromptOptions { Prompt = Activity.CreateMessage(text) }).Prompt!.Text);
    }
}
