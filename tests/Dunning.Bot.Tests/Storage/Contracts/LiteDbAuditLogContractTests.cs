namespace Dunning.Bot.Tests.Storage.Contracts;

public sealed class LiteDbAuditLogContractTests() : AuditLogContract(new LiteDbUnderTest());
