using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;

namespace Dunning.Bot.Core.Tests.Messages;

public sealed class Rendering_messages : IDisposable
{
    private const string English = """
        variables: [invoice]
        messages:
          balance:
            vars: [balance]
            text:
              - "Invoice {{ invoice.number }}: {{ balance | money }} is open."
              - "{{ balance | money }} is still open on invoice {{ invoice.number }}."
              - "Your balance for {{ invoice.number }} is {{ balance | money }}."
          hello: "Hello & welcome, <friend>. It's \"fine\"."
          multi: |
            Line one
            Line two
        buttons:
          pay_now: "Pay now"
        """;

    private const string German = """
        variables: [invoice]
        messages:
          balance:
            vars: [balance]
            text:
              - "Rechnung {{ invoice.number }}: {{ balance | money }} sind offen."
              - "Auf Rechnung {{ invoice.number }} sind noch {{ balance | money }} offen."
              - "Ihr offener Betrag zu {{ invoice.number }}: {{ balance | money }}."
          hello: "Hallo & willkommen, <Freund>. „Gut“."
          multi: |
            Zeile eins
            Zeile zwei
        buttons:
          pay_now: "Jetzt bezahlen"
        """;

    private readonly DialogFolder _folder = new DialogFolder().With("invoice.en.yaml", English).With("invoice.de.yaml", German);
    private readonly MessageCatalogue _catalogue;

    public Rendering_messages() => _catalogue = _folder.Load().EnsureValid();

    public void Dispose() => _folder.Dispose();

    private static Invoice SampleInvoice() => new()
    {
        Number = "R-2026-0042", DebtorId = "d1", IssueDate = new DateOnly(2026, 10, 1), DueDate = new DateOnly(2026, 10, 15), Currency = "EUR", Total = 1234.56m,
    };

    [Fact]
    public void A_seed_picks_the_same_variant_every_time()
    {
        var model = new { invoice = SampleInvoice(), balance = Money.Euro(1234.56m) };
        Assert.Equal("Invoice R-2026-0042: €1,234.56 is open.", _catalogue.Render("invoice", "balance", "en", model, variantSeed: 0));
        Assert.Equal("€1,234.56 is still open on invoice R-2026-0042.", _catalogue.Render("invoice", "balance", "en", model, variantSeed: 1));
        Assert.Equal("Your balance for R-2026-0042 is €1,234.56.", _catalogue.Render("invoice", "balance", "en", model, variantSeed: 5));
        Assert.Equal(
            _catalogue.Render("invoice", "balance", "de", model, VariantSeed.For("conv-1", 7)),
            _catalogue.Render("invoice", "balance", "de", model, VariantSeed.For("conv-1", 7)));
    }

    [Fact]
    public void Negative_seeds_still_pick_a_variant()
    {
        var model = new { invoice = SampleInvoice(), balance = Money.Euro(1m) };
        // Seeds are taken as unsigned: int.MinValue is 2^31, and 2^31 mod 3 = 2.
        Assert.StartsWith("Ihr offener", _catalogue.Render("invoice", "balance", "de", model, variantSeed: int.MinValue), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_seed_the_variants_take_turns()
    {
        var model = new Dictionary<string, object?> { ["invoice"] = SampleInvoice(), ["balance"] = Money.Euro(5m) };
        var seen = Enumerable.Range(0, 6).Select(_ => _catalogue.Render("invoice", "balance", "de", model)).ToList();
        Assert.Equal(3, seen.Distinct().Count());
        Assert.Equal(seen[0], seen[3]);
        Assert.Equal(seen[1], seen[4]);
    }

    [Fact]
    public void Variant_seeds_are_stable_and_differ_between_turns()
    {
        Assert.Equal(VariantSeed.For("abc", 1), VariantSeed.For("abc", 1));
        Assert.NotEqual(VariantSeed.For("abc", 1), VariantSeed.For("abc", 2));
        Assert.True(VariantSeed.For("abc", 1) >= 0);
        Assert.Equal(1928584700 /* FNV-1a, computed independently */, VariantSeed.For("conversation-42", 3));
    }

    [Fact]
    public void Text_is_not_html_encoded_and_block_text_keeps_its_lines()
    {
        Assert.Equal("Hello & welcome, <friend>. It's \"fine\".", _catalogue.Render("invoice", "hello", "en"));
        Assert.Equal("Hallo & willkommen, <Freund>. „Gut“.", _catalogue.Render("invoice", "hello", "de"));
        Assert.Equal("Zeile eins\nZeile zwei", _catalogue.Render("invoice", "multi", "de"));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("DE")]
    [InlineData("de_AT")]
    public void Language_tags_are_reduced_to_the_language(string language) =>
        Assert.Equal("Jetzt bezahlen", _catalogue.Button("invoice", "pay_now", language));

    [Fact]
    public void Buttons_have_a_label_per_language()
    {
        Assert.Equal("Pay now", _catalogue.Button("invoice", "pay_now", "en"));
        Assert.Equal("Jetzt bezahlen", _catalogue.Button("invoice", "pay_now", "de"));
    }

    [Fact]
    public void A_missing_key_dialog_or_language_throws_a_clear_exception()
    {
        var key = Assert.Throws<MessageKeyNotFoundException>(() => _catalogue.Render("invoice", "nope", "en"));
        Assert.Contains("'nope'", key.Message, StringComparison.Ordinal);
        Assert.Contains("invoice.en.yaml", key.Message, StringComparison.Ordinal);
        var button = Assert.Throws<MessageKeyNotFoundException>(() => _catalogue.Button("invoice", "balance", "en"));
        Assert.Contains("button 'balance'", button.Message, StringComparison.Ordinal);
        var dialog = Assert.Throws<MessageKeyNotFoundException>(() => _catalogue.Render("linking", "hello", "en"));
        Assert.Contains("linking.en.yaml", dialog.Message, StringComparison.Ordinal);
        var language = Assert.Throws<MessageKeyNotFoundException>(() => _catalogue.Button("invoice", "pay_now", "fr"));
        Assert.Contains("de, en", language.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_a_variable_the_message_reads_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => _catalogue.Render("invoice", "balance", "en", new { invoice = SampleInvoice() }));
        Assert.Contains("'balance'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_value_is_allowed_and_renders_empty()
    {
        var model = new Dictionary<string, object?> { ["invoice"] = SampleInvoice(), ["balance"] = null };
        Assert.Equal("Invoice R-2026-0042:  is open.", _catalogue.Render("invoice", "balance", "en", model, 0));
    }

    [Fact]
    public void Plain_dictionaries_and_records_work_as_models()
    {
        object untyped = new Dictionary<string, object> { ["invoice"] = SampleInvoice(), ["balance"] = Money.Euro(2m) };
        Assert.Equal("Invoice R-2026-0042: €2.00 is open.", _catalogue.Render("invoice", "balance", "en", untyped, 0));
        var record = new BalanceModel(SampleInvoice(), Money.Euro(3m));
        Assert.Equal("Rechnung R-2026-0042: 3,00 € sind offen.", _catalogue.Render("invoice", "balance", "de", record, 0));
    }

    [Fact]
    public void Languages_and_lookups_reflect_the_files()
    {
        Assert.Equal(["de", "en"], _catalogue.Languages);
        Assert.True(_catalogue.HasMessage("invoice", "balance", "de"));
        Assert.False(_catalogue.HasMessage("invoice", "pay_now", "de"));
        Assert.Equal(3, _catalogue.VariantCount("invoice", "balance", "en"));
    }

    private sealed record BalanceModel(Invoice Invoice, Money Balance);
}
