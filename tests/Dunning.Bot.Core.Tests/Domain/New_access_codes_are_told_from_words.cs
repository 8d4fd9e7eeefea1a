using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Tests.Domain;

/// <summary>
/// Every new access code has a digit and a letter, so it is found wherever the debtor types it — alone, inside a
/// sentence, and whatever the understanding made of the message (a code of letters only was found only alone and only
/// when the message meant nothing else).
/// </summary>
public sealed class New_access_codes_are_told_from_words
{
    [Fact]
    public void Ten_thousand_new_codes_all_have_a_digit_and_a_letter_from_the_alphabet()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => DebtorSecrets.NewAccessCode()).ToList();

        Assert.All(codes, c =>
        {
            Assert.Equal(DebtorSecrets.AccessCodeLength, c.Length);
            Assert.All(c, ch => Assert.Contains(ch, DebtorSecrets.AccessCodeAlphabet));
            Assert.Contains(c, char.IsAsciiDigit);
            Assert.Contains(c, char.IsAsciiLetter);
        });
        Assert.True(codes.Distinct(StringComparer.Ordinal).Count() > 9_990, "codes are random");
    }

    [Fact]
    public void A_new_code_is_found_alone_and_in_a_sentence_whatever_the_intent()
    {
        for (var i = 0; i < 1_000; i++)
        {
            var code = DebtorSecrets.NewAccessCode();
            Assert.Equal(code, AccessCodeCandidate.Find(code.ToLowerInvariant(), Intent.Greeting));
            Assert.Equal(code, AccessCodeCandidate.Find($"Mein Code ist {code[..4]}-{code[4..]}.", Intent.AskAmount));
            Assert.Equal(code, AccessCodeCandidate.Find($"my code is {code}", Intent.RequestHuman));
        }
    }
}
