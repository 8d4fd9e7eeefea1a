namespace Dunning.Bot.Core;
