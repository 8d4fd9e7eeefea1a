namespace Dunning.Bot.Tests.Storage.Contracts;

public sealed class LiteDbStaffAccountStoreContractTests() : StaffAccountStoreContract(new LiteDbUnderTest());
