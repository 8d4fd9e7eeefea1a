namespace Dunning.Bot.Conversations;
