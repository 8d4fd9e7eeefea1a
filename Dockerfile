# Dunning.Bot as a container: a self-contained publish on the .NET SDK image, run on the small runtime-deps image as a
# non-root user. Data (the LiteDB file) lives in the /data volume; configuration comes from environment variables
# (Section__Key), secrets included — never bake them into the image.
#
#   docker build -t dunning-bot .
#   docker run -p 8080:8080 -v dunning-data:/data -e Bot__PublicBaseUrl=https://bot.example.com dunning-bot

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props BannedSymbols.txt ./
COPY src/ src/
COPY dialogs/ dialogs/
RUN dotnet publish src/Dunning.Bot -c Release -r linux-x64 --self-contained -o /app

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown app:app /data
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    Storage__Path=/data/dunning.db \
    Bot__SeedDemoData=false
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s CMD ["/bin/sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q Healthy <&3"]
ENTRYPOINT ["/app/Dunning.Bot"]
