import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import { startApp } from './start-app';

startApp(document.getElementById('app')!);
