using System.Net;
using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Dunning.Bot.Tests.Fakes.Telegram;

public sealed class The_fake_telegram_answers_the_basics : FakeTelegramTestBase
{
    [Fact]
    public async Task GetMe_returns_the_bot_named_by_the_token()
    {
        var me = await Bot.GetMe(Ct);

        Assert.Equal(7000000001, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal("dunning_test_bot", me.Username);
        Assert.True(Server.BaseUrl.IsLoopback);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_with_401_Unauthorized()
    {
        var stranger = new TelegramBotClient(new TelegramBotClientOptions("7000000001:AAwrongTokenwrongTokenwrongToken123", Server.BaseUrl.ToString()));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => stranger.GetMe(Ct));

        Assert.Equal(401, error.ErrorCode);
        Assert.Equal("Unauthorized", error.Message);
    }

    [Fact]
    public async Task An_unknown_method_gets_404_Not_Found_in_the_api_shape()
    {
        using var response = await Http.PostAsync(MethodUrl("sendTelepathy"), null, Ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False((bool)body["ok"]!);
        Assert.Equal(404, (int)body["error_code"]!);
        Assert.Equal("Not Found", (string)body["description"]!);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/bot")]
    [InlineData("/file/bot123:abc/photos/x.jpg")]
    [InlineData("/botgarbage")]
    public async Task Paths_outside_bot_token_method_get_404(string path)
    {
        using var response = await Http.GetAsync(new Uri(Server.BaseUrl, path), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Method_names_are_case_insensitive_and_work_with_GET_and_a_query_string()
    {
        Server.RegisterPrivateChat(Anna);

        using var response = await Http.GetAsync(new Uri(MethodUrl("SENDMESSAGE") + $"?chat_id={Anna.Id}&text=Hallo%20Anna"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hallo Anna", Assert.Single(Server.SentMessages).Text);
    }

    [Fact]
    public async Task Form_encoded_parameters_carry_json_serialized_objects()
    {
        Server.RegisterPrivateChat(Anna);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = Anna.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["text"] = "Zahlen?",
            ["reply_markup"] = """{"inline_keyboard":[[{"text":"Ja","callback_data":"pay:yes"}]]}""",
        });

        using var response = await Http.PostAsync(MethodUrl("sendMessage"), form, Ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.True((bool)body["ok"]!);
        Assert.Equal("pay:yes", (string)body["result"]!["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!);
    }

    [Fact]
    public async Task Message_dates_are_unix_seconds_from_the_injected_clock()
    {
        Server.RegisterPrivateChat(Anna);
        using var content = new StringContent($$"""{"chat_id":{{Anna.Id}},"text":"x"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await Http.PostAsync(MethodUrl("sendMessage"), content, Ct);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["result"]!;

        Assert.Equal(Clock.GetUtcNow().ToUnixTimeSeconds(), (long)result["date"]!);
        Assert.Equal(Anna.Id, (long)result["chat"]!["id"]!);
        Assert.Equal("private", (string)result["chat"]!["type"]!);
        Assert.True((bool)result["from"]!["is_bot"]!);
    }

    [Fact]
    public async Task A_malformed_json_body_is_a_400_and_changes_nothing()
    {
        Server.RegisterPrivateChat(Anna);
        using var content = new StringContent("{\"chat_id\": 42, \"text\": ", System.Text.Encoding.UTF8, "application/json");

        using var response = await Http.PostAsync(MethodUrl("sendMessage"), content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Server.SentMessages);
    }
}
