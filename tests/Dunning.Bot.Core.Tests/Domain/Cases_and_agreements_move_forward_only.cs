using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Tests.Domain;

public sealed class Cases_and_agreements_move_forward_only
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_case_never_goes_back_on_the_ladder()
    {
        var dunningCase = new DunningCase { DebtorId = "D-1" };
        dunningCase.Advance("RE-1", 2);
        dunningCase.Advance("RE-1", 2);

        Assert.Throws<DomainException>(() => dunningCase.Advance("RE-1", 1));
        Assert.Equal((2, 0), (dunningCase.StageOf("RE-1"), dunningCase.StageOf("RE-2")));
    }

    [Fact]
    public void An_agreement_goes_proposed_awaiting_active_kept()
    {
        var agreement = Agreement();
        agreement.RequestApproval();
        agreement.Agree(Now, "staff:anna");
        agreement.MarkKept();

        Assert.Equal((AgreementState.Kept, Now, "staff:anna"), (agreement.State, agreement.DecidedAt!.Value, agreement.DecidedBy));
    }

    [Fact]
    public void An_agreement_can_be_rejected_or_broken_but_not_revived()
    {
        var rejected = Agreement();
        rejected.Reject(Now, "owner");
        Assert.Throws<DomainException>(() => rejected.Agree(Now, "owner"));
        Assert.Throws<DomainException>(() => rejected.MarkKept());

        var broken = Agreement();
        broken.Agree(Now, "bot");
        broken.MarkBroken();
        Assert.Throws<DomainException>(() => broken.MarkKept());
        Assert.Throws<DomainException>(() => broken.RequestApproval());
        Assert.Equal(AgreementState.Broken, broken.State);
    }

    [Fact]
    public void A_proposed_agreement_cannot_be_kept_or_broken()
    {
        var agreement = Agreement();
        Assert.Throws<DomainException>(() => agreement.MarkKept());
        Assert.Throws<DomainException>(() => agreement.MarkBroken());
        Assert.Equal(AgreementState.Proposed, agreement.State);
        Assert.Equal(150m, agreement.Amount);
    }

    [Fact]
    public void Only_an_active_agreement_is_superseded_and_only_an_undecided_request_cancelled()
    {
        var active = Agreement();
        active.Agree(Now, "bot");
        active.Supersede("A-2");
        Assert.Equal((AgreementState.Superseded, "A-2"), (active.State, active.ReplacedBy));
        Assert.Throws<DomainException>(() => active.MarkBroken());
        Assert.Throws<DomainException>(() => active.Supersede("A-3"));

        var request = Agreement();
        request.RequestApproval();
        request.Cancel("A-2");
        Assert.Equal(AgreementState.Cancelled, request.State);
        Assert.Throws<DomainException>(() => request.Agree(Now, "owner"));

        var kept = Agreement();
        kept.Agree(Now, "bot");
        kept.MarkKept();
        Assert.Throws<DomainException>(() => kept.Supersede("A-2"));
        Assert.Throws<DomainException>(() => kept.Cancel("A-2"));
    }

    private static PaymentAgreement Agreement() => new()
    {
        Id = "A-1", DebtorId = "D-1", Kind = AgreementKind.InstalmentPlan, InvoiceNumbers = ["RE-1"], Currency = "EUR",
        Schedule = [new Instalment(new DateOnly(2026, 12, 1), 75m), new Instalment(new DateOnly(2027, 1, 1), 75m)],
        CreatedAt = Now,
    };
}
